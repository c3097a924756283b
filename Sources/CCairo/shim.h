// Everything FlatlandPlot needs from C: Cairo's image, PDF and SVG surfaces, and Pango for text.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <zlib.h>

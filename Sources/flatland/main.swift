// `flatland`: the command line of the toolkit. Everything it does lives in FlatlandCLI, so the
// fuzz harness and the tests drive the very same commands in-process.
import FlatlandCLI

FlatlandCommand.main()

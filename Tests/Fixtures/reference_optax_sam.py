#!/usr/bin/env python3
"""Dev-only: SAM trajectory from optax.contrib.sam (optax 0.2.8, float64) for FlatlandTests.

L = x^2 + 10 y^2 from w0 = (1, 0.5), outer optax.sgd(0.01), adversarial chain(normalize(), sgd(0.05)),
sync_period = 2, transparent mode: one gradient per update call, parameters recorded after every
second call (ALGORITHMS.md section 2). optax divides by the norm with no epsilon; the toolkit adds
1e-12, so the two agree to about 1e-12/||g|| while g stays away from 0.
Needs: pip install optax jax jaxlib. Run: python3 reference_optax_sam.py > reference_optax_sam.json
"""
import json
import jax
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import optax
from optax import contrib

loss = lambda w: w[0] ** 2 + 10 * w[1] ** 2
grad = jax.grad(loss)
opt = contrib.sam(optimizer=optax.sgd(0.01), adv_optimizer=optax.chain(contrib.normalize(), optax.sgd(0.05)),
                  sync_period=2)
params = jnp.array([1.0, 0.5], dtype=jnp.float64)
state = opt.init(params)
points = [params.tolist()]
for call in range(2 * 200):
    updates, state = opt.update(grad(params), state, params)
    params = optax.apply_updates(params, updates)
    if call % 2 == 1:
        points.append(params.tolist())
print(json.dumps({"optax": optax.__version__, "setting": "x^2 + 10y^2, w0 (1, 0.5), lr 0.01, rho 0.05, 200 SAM steps",
                  "points": points}))

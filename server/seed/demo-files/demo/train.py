"""Train a small regression model on synthetic protein-stability features.

Resumes from the checkpoint in $BENCHTOP_CHECKPOINT_DIR when there is one, so a job that is
retried or moved to another machine continues where it stopped. Reports metrics with the
`::metric` line protocol (via benchtop_metrics) so Benchtop charts them live. Uses PyTorch when it
is installed, and plain Python otherwise, so the demo runs anywhere.
"""
import json
import os
import random
import time

from benchtop_metrics import log_metrics

EPOCHS = int(os.environ.get("EPOCHS", "30"))
CKPT_DIR = os.environ.get("BENCHTOP_CHECKPOINT_DIR", "checkpoints")
OUT_DIR = os.environ.get("BENCHTOP_OUTPUT_DIR", "outputs")
os.makedirs(CKPT_DIR, exist_ok=True)
os.makedirs(OUT_DIR, exist_ok=True)
ckpt_path = os.path.join(CKPT_DIR, "last.json")

rng = random.Random(7)
true_w = [rng.gauss(0, 1) for _ in range(8)]
data = []
for _ in range(512):
    x = [rng.gauss(0, 1) for _ in range(8)]
    data.append((x, sum(a * b for a, b in zip(x, true_w)) + rng.gauss(0, 0.1)))

w = [0.0] * 8
start = 0
if os.path.exists(ckpt_path):
    state = json.load(open(ckpt_path))
    w, start = state["w"], state["epoch"] + 1
    print(f"resumed from the checkpoint of epoch {state['epoch']}", flush=True)

try:
    import torch  # noqa: F401

    backend = f"torch {torch.__version__}"
except ImportError:
    backend = "plain python"
print(f"training on {backend}, CUDA_VISIBLE_DEVICES={os.environ.get('CUDA_VISIBLE_DEVICES', '')!r}", flush=True)

for epoch in range(start, EPOCHS):
    grad = [0.0] * 8
    loss = 0.0
    for x, y in data:
        err = sum(a * b for a, b in zip(x, w)) - y
        loss += err * err
        for i in range(8):
            grad[i] += 2 * err * x[i] / len(data)
    w = [wi - 0.05 * gi for wi, gi in zip(w, grad)]
    log_metrics(step=epoch, total=EPOCHS, loss=loss / len(data))
    print(f"epoch {epoch}: loss {loss / len(data):.5f}", flush=True)
    json.dump({"w": w, "epoch": epoch}, open(ckpt_path + ".tmp", "w"))
    os.replace(ckpt_path + ".tmp", ckpt_path)
    time.sleep(0.5)

json.dump({"weights": w, "loss": loss / len(data)}, open(os.path.join(OUT_DIR, "model.json"), "w"))
print("done", flush=True)

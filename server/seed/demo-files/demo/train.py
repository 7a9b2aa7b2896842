"""Train a small regression model on synthetic protein-stability features.

Resumes from the newest checkpoint in $BENCHTOP_CHECKPOINT_DIR when there is one, so a job
that is retried or moved to another machine continues where it stopped.
"""
import json
import os
import time

import torch
from torch import nn

EPOCHS = int(os.environ.get("EPOCHS", "20"))
CKPT_DIR = os.environ.get("BENCHTOP_CHECKPOINT_DIR", "checkpoints")
OUT_DIR = os.environ.get("BENCHTOP_OUTPUT_DIR", "outputs")
os.makedirs(CKPT_DIR, exist_ok=True)
os.makedirs(OUT_DIR, exist_ok=True)

torch.manual_seed(7)
features = torch.randn(2048, 32)
true_weights = torch.randn(32, 1)
targets = features @ true_weights + 0.1 * torch.randn(2048, 1)

model = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
start_epoch = 0

ckpt_path = os.path.join(CKPT_DIR, "last.pt")
if os.path.exists(ckpt_path):
    state = torch.load(ckpt_path)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    start_epoch = state["epoch"] + 1
    print(f"resumed from epoch {start_epoch}", flush=True)

for epoch in range(start_epoch, EPOCHS):
    permutation = torch.randperm(features.shape[0])
    for i in range(0, features.shape[0], 64):
        idx = permutation[i : i + 64]
        loss = nn.functional.mse_loss(model(features[idx]), targets[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        full_loss = nn.functional.mse_loss(model(features), targets).item()
    print(json.dumps({"epoch": epoch, "loss": round(full_loss, 5)}), flush=True)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, ckpt_path)
    time.sleep(0.2)

torch.save(model.state_dict(), os.path.join(OUT_DIR, "model.pt"))
print("done", flush=True)

"""A tiny convolutional baseline, small enough to run on a CPU."""
import torch
from torch import nn


class Baseline(nn.Module):
    def __init__(self, classes: int = 4):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Linear(32, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


if __name__ == "__main__":
    model = Baseline()
    print(model(torch.randn(8, 1, 64, 64)).shape)

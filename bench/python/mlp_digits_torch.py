"""The reference for the network benchmark (issue 13, SPEC §6 MLP bullet): torch CPU float64,
nn.Sequential(Linear(64, 32), Tanh, Linear(32, 10)) + CrossEntropyLoss, Adam lr 0.01, batch 32, 100 epochs,
shuffled, on the 80 % training split of examples/digits.csv — the same work as examples/mlp_digits.opt.
Prints the training seconds (the loop only, data already in tensors) and the final train/test accuracy.

    /usr/bin/python3 bench/python/mlp_digits_torch.py [epochs]
"""
import os
import sys
import time

import numpy as np
import torch

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
data = np.loadtxt(os.path.join(root, "examples", "digits.csv"), delimiter=",", skiprows=1)
rng = np.random.default_rng(1)
order = rng.permutation(len(data))
cut = int(0.8 * len(data))
train, test = data[order[:cut]], data[order[cut:]]
X = torch.tensor(train[:, :-1], dtype=torch.float64)
y = torch.tensor(train[:, -1], dtype=torch.long)
Xt = torch.tensor(test[:, :-1], dtype=torch.float64)
yt = torch.tensor(test[:, -1], dtype=torch.long)

torch.manual_seed(1)
net = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(), torch.nn.Linear(32, 10)).double()
loss_fn = torch.nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters(), lr=0.01)
start = time.perf_counter()
for epoch in range(epochs):
    perm = torch.randperm(len(X))
    for k in range(0, len(X), 32):
        idx = perm[k:k + 32]
        opt.zero_grad()
        loss = loss_fn(net(X[idx]), y[idx])
        loss.backward()
        opt.step()
seconds = time.perf_counter() - start
with torch.no_grad():
    full = loss_fn(net(X), y).item()
    acc = (net(X).argmax(1) == y).double().mean().item()
    acc_t = (net(Xt).argmax(1) == yt).double().mean().item()
print("torch %d epochs: %.2f s training (threads %d); loss %.3g, train accuracy %.4f, test accuracy %.4f"
      % (epochs, seconds, torch.get_num_threads(), full, acc, acc_t))

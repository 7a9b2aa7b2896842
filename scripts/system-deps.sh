#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real, when they are missing.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Jobs in the queue tests train with Debian's PyTorch on CPU (and torchrun for two-node jobs).
/usr/bin/python3 -c "import torch, numpy" >/dev/null 2>&1 || need+=(python3-torch python3-numpy)
# Notebook cells run on real Jupyter kernels (Python always, R through IRkernel), sandboxed by
# bubblewrap; notebooks run as jobs execute headless through nbclient.
/usr/bin/python3 -c "import ipykernel, jupyter_client, nbclient, nbformat, pandas, matplotlib" >/dev/null 2>&1 \
  || need+=(python3-ipykernel python3-jupyter-client python3-nbclient python3-nbformat python3-pandas python3-matplotlib)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
[ -e /usr/share/jupyter/kernels/ir/kernel.json ] || need+=(r-cran-irkernel)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian packages the tests need: ${need[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "These Debian packages are missing and this user cannot install them: ${need[*]}. Install them (apt-get install ${need[*]}) and run npm test again." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

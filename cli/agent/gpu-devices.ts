// Which device nodes a sandboxed job needs for exactly its GPUs. Pure functions over a root
// folder standing for `/` (tests pass a temp tree with proc/, sys/ and dev/ in it).
//
//   NVIDIA (CUDA, NVML): /dev/nvidiactl, /dev/nvidia-uvm, /dev/nvidia-uvm-tools and
//     /dev/nvidia-modeset for any GPU job, plus /dev/nvidia<minor> of each of its GPUs. The minor
//     is NOT always nvidia-smi's index (a VM given GPUs 4-7 of a host, a machine with one GPU
//     disabled): it is the driver's "Device Minor" in /proc/driver/nvidia/gpus/<PCI bus id>/information,
//     and nvidia-smi's pci.bus_id names that folder.
//   DRM (Vulkan, EGL, VA-API): the /dev/dri/card<N> and /dev/dri/renderD<N> whose
//     /sys/class/drm/<node>/device resolves to the GPU's PCI device.
import fs from "node:fs";
import path from "node:path";

/** One GPU as nvidia-smi names it: its index and PCI bus id ("00000000:3B:00.0"). */
export type GpuAddress = { index: number; pciBusId: string };

/** nvidia-smi prints an 8-digit domain in upper case; the kernel names folders "0000:3b:00.0". */
export function normalizePciBusId(id: string): string | null {
  const m = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-9a-f])$/i.exec(id.trim());
  if (!m) return null;
  const domain = (m[1] ?? "0000").slice(-4);
  return `${domain}:${m[2]}:${m[3]}.${m[4]}`.toLowerCase();
}

const NVIDIA_SHARED = ["nvidiactl", "nvidia-uvm", "nvidia-uvm-tools", "nvidia-modeset"];

/** The driver's minor number of the GPU at this PCI address, from /proc/driver/nvidia/gpus/<id>/information. */
export function nvidiaMinorOf(root: string, pciBusId: string): number | null {
  const id = normalizePciBusId(pciBusId);
  if (!id) return null;
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, "proc/driver/nvidia/gpus", id, "information"), "utf8");
  } catch {
    return null;
  }
  const m = /^Device Minor:\s*(\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** /dev/dri card and render nodes whose sysfs device is the GPU at this PCI address. */
export function driNodesOf(root: string, pciBusId: string): string[] {
  const id = normalizePciBusId(pciBusId);
  const drm = path.join(root, "sys/class/drm");
  if (!id) return [];
  let names: string[];
  try {
    names = fs.readdirSync(drm);
  } catch {
    return [];
  }
  const nodes: string[] = [];
  for (const name of names.sort()) {
    // card0-DP-1 and the like are connectors, not device nodes.
    if (!/^(card|renderD)\d+$/.test(name)) continue;
    let device: string;
    try {
      device = fs.realpathSync(path.join(drm, name, "device"));
    } catch {
      continue;
    }
    if (path.basename(device).toLowerCase() !== id) continue;
    const node = path.join("/dev/dri", name);
    if (fs.existsSync(path.join(root, node))) nodes.push(node);
  }
  return nodes;
}

export class GpuDeviceError extends Error {
  override name = "GpuDeviceError";
}

/**
 * Every device node (as an absolute path on the machine) a job given `gpus` needs: nothing for a
 * CPU job. Throws when a GPU's own node cannot be found, since a job would then silently see no GPU.
 */
export function gpuDeviceNodes(gpus: GpuAddress[], root = "/"): string[] {
  if (gpus.length === 0) return [];
  const nodes = NVIDIA_SHARED.map((n) => `/dev/${n}`).filter((n) => fs.existsSync(path.join(root, n)));
  for (const gpu of gpus) {
    const minor = nvidiaMinorOf(root, gpu.pciBusId);
    if (minor === null) {
      throw new GpuDeviceError(
        `GPU ${gpu.index} (${gpu.pciBusId}) has no "Device Minor" in /proc/driver/nvidia/gpus/${normalizePciBusId(gpu.pciBusId) ?? gpu.pciBusId}/information, so its device node is unknown`,
      );
    }
    const node = `/dev/nvidia${minor}`;
    if (!fs.existsSync(path.join(root, node))) throw new GpuDeviceError(`GPU ${gpu.index} (${gpu.pciBusId}) is minor ${minor}, but ${node} does not exist`);
    nodes.push(node, ...driNodesOf(root, gpu.pciBusId));
  }
  return [...new Set(nodes)];
}

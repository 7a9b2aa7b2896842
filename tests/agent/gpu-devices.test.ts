// Which device nodes a sandboxed job gets for its GPUs, on fixture trees: a temp folder stands in
// for /proc, /sys and /dev of a machine (no GPU here). The trees copy what the NVIDIA driver and
// the kernel lay out: /proc/driver/nvidia/gpus/<bus id>/information with its "Device Minor",
// /sys/class/drm/<node> links into /sys/devices/pci.../<bus id>/drm/<node>, device nodes as files.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driNodesOf, gpuDeviceNodes, normalizePciBusId, nvidiaMinorOf } from "../../cli/agent/gpu-devices";

let root: string;

const information = (minor: number, bus: string) =>
  `Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   \t\t 0\nGPU UUID: \t GPU-${minor}\nVideo BIOS: \t 96.00.74.00.0d\nBus Type: \t PCIe\nDMA Size: \t 52 bits\nDMA Mask: \t 0xfffffffffffff\nBus Location: \t ${bus}\nDevice Minor: \t ${minor}\nGPU Firmware: \t 535.129.03\nGPU Excluded:\t No\n`;

/** A machine whose nvidia-smi indices 0 and 1 are the driver's minors 3 and 1 (a VM given part of a host). */
async function machine(dir: string) {
  const gpus = [
    { bus: "0000:18:00.0", minor: 3, drm: ["card1", "renderD129"] },
    { bus: "0000:3b:00.0", minor: 1, drm: ["card0", "renderD128"] },
  ];
  await fs.mkdir(path.join(dir, "dev/dri"), { recursive: true });
  for (const n of ["nvidiactl", "nvidia-uvm", "nvidia-uvm-tools", "nvidia1", "nvidia3"]) await fs.writeFile(path.join(dir, "dev", n), "");
  await fs.mkdir(path.join(dir, "sys/class/drm"), { recursive: true });
  for (const g of gpus) {
    const info = path.join(dir, "proc/driver/nvidia/gpus", g.bus);
    await fs.mkdir(info, { recursive: true });
    await fs.writeFile(path.join(info, "information"), information(g.minor, g.bus));
    const pci = path.join(dir, "sys/devices/pci0000:00/0000:00:01.0", g.bus);
    for (const node of g.drm) {
      await fs.mkdir(path.join(pci, "drm", node), { recursive: true });
      await fs.symlink(path.relative(path.join(pci, "drm", node), pci), path.join(pci, "drm", node, "device"));
      await fs.symlink(path.relative(path.join(dir, "sys/class/drm"), path.join(pci, "drm", node)), path.join(dir, "sys/class/drm", node));
      await fs.writeFile(path.join(dir, "dev/dri", node), "");
    }
  }
  // A connector beside the nodes, and the version file the kernel puts there.
  await fs.symlink("../../devices/pci0000:00/0000:00:01.0/0000:18:00.0/drm/card1", path.join(dir, "sys/class/drm/card1-DP-1"));
  await fs.writeFile(path.join(dir, "sys/class/drm/version"), "drm 1.1.0 20060810\n");
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-gpudev-"));
  await machine(root);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("a job's GPU device nodes", () => {
  it("reads nvidia-smi's bus ids as the kernel names them", () => {
    expect(normalizePciBusId("00000000:3B:00.0")).toBe("0000:3b:00.0");
    expect(normalizePciBusId("0000:18:00.0")).toBe("0000:18:00.0");
    expect(normalizePciBusId("3b:00.0")).toBe("0000:3b:00.0");
    expect(normalizePciBusId("GPU-0")).toBeNull();
  });

  it("takes each GPU's minor from the driver, not from nvidia-smi's index", () => {
    expect(nvidiaMinorOf(root, "00000000:18:00.0")).toBe(3);
    expect(nvidiaMinorOf(root, "00000000:3B:00.0")).toBe(1);
    expect(nvidiaMinorOf(root, "00000000:AF:00.0")).toBeNull();
  });

  it("finds the DRM card and render nodes whose device is the GPU, and no connector", () => {
    expect(driNodesOf(root, "00000000:18:00.0")).toEqual(["/dev/dri/card1", "/dev/dri/renderD129"]);
    expect(driNodesOf(root, "00000000:3B:00.0")).toEqual(["/dev/dri/card0", "/dev/dri/renderD128"]);
  });

  it("gives a job on GPU 0 the shared nodes that exist, /dev/nvidia3 and GPU 0's DRM nodes, nothing of GPU 1", () => {
    expect(gpuDeviceNodes([{ index: 0, pciBusId: "00000000:18:00.0" }], root)).toEqual([
      "/dev/nvidiactl",
      "/dev/nvidia-uvm",
      "/dev/nvidia-uvm-tools",
      "/dev/nvidia3",
      "/dev/dri/card1",
      "/dev/dri/renderD129",
    ]);
  });

  it("gives a job on both GPUs both, and a CPU job nothing", () => {
    const both = gpuDeviceNodes([{ index: 0, pciBusId: "00000000:18:00.0" }, { index: 1, pciBusId: "00000000:3B:00.0" }], root);
    expect(both.filter((n) => /nvidia\d|dri/.test(n))).toEqual(["/dev/nvidia3", "/dev/dri/card1", "/dev/dri/renderD129", "/dev/nvidia1", "/dev/dri/card0", "/dev/dri/renderD128"]);
    expect(gpuDeviceNodes([], root)).toEqual([]);
  });

  it("refuses a GPU the driver does not list, with the reason", () => {
    expect(() => gpuDeviceNodes([{ index: 2, pciBusId: "00000000:AF:00.0" }], root)).toThrow(
      'GPU 2 (00000000:AF:00.0) has no "Device Minor" in /proc/driver/nvidia/gpus/0000:af:00.0/information, so its device node is unknown',
    );
  });
});

// `benchtop submit --gpus`: a count (`--gpus 2`, with `--gpu-type A100` to pick the model) or
// TYPE:COUNT as SkyPilot's `--gpus A100:2` and Slurm's `--gpus=a100:2` take it. GPU models match
// case-insensitively on the server, so the type is sent as typed.
import { CliError } from "./client";

const COUNT = /^\d+$/;
const TYPED = /^([A-Za-z0-9][\w.-]{0,63}):(\d+)$/;

export function parseGpusOption(gpus: string, gpuType: string | undefined): { gpus: number; gpuType: string | null } {
  const text = gpus.trim();
  if (COUNT.test(text)) return { gpus: Number(text), gpuType: gpuType?.trim() || null };
  const typed = TYPED.exec(text);
  if (!typed) throw new CliError(`--gpus "${gpus}" is not a count or TYPE:COUNT (e.g. --gpus 2, or --gpus A100:2).`, 2);
  const [, type, count] = typed;
  if (gpuType && gpuType.trim().toLowerCase() !== type!.toLowerCase()) {
    throw new CliError(`--gpus ${text} asks for ${type} GPUs, and --gpu-type ${gpuType} for another model; give the model once.`, 2);
  }
  return { gpus: Number(count), gpuType: type! };
}

/**
 * The measured bandwidth of this page's GPU, as the benchmark shows it next to a report: only
 * a report made on this same adapter can be put against it (an imported report from another
 * machine has its own GPU).
 */
import type { GpuReport } from '../gpu/probe';
import type { BenchmarkDevice } from '../benchmark/benchmark-result';

export interface MeasuredHere {
  gbps: number;
  gpu: Pick<GpuReport, 'vendor' | 'architecture' | 'description' | 'isFallbackAdapter'>;
}

export function madeOnThisAdapter(device: BenchmarkDevice, here: MeasuredHere | null): here is MeasuredHere {
  return (
    here !== null &&
    device.gpuVendor === here.gpu.vendor &&
    device.gpuArchitecture === here.gpu.architecture &&
    device.gpuDescription === here.gpu.description &&
    device.isFallbackAdapter === here.gpu.isFallbackAdapter
  );
}

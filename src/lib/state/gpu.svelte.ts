import { probeGpu, type GpuReport } from '../gpu/probe';

/** The WebGPU check, run once when the app opens. `report` is null while checking. */
export class GpuState {
  report = $state<GpuReport | null>(null);

  async probe(): Promise<void> {
    this.report = await probeGpu();
  }
}

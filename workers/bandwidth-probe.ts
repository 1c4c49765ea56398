/**
 * The bandwidth micro-benchmark: a compute shader streams a large storage buffer (vec4<u32>
 * loads, coalesced, XOR-folded so the reads cannot be optimised away) and each pass is timed,
 * with GPU timestamp queries when the adapter offers them and otherwise with the wall clock
 * from submit to `onSubmittedWorkDone` (which adds the submit latency, so it reads a little low).
 * Runs in its own worker: creating a device and waiting on the GPU never touches the page.
 */
import { probeBufferBytes, repeatsFor, summarisePasses, type BandwidthMeasurement, type TimingMethod } from '../src/lib/device/bandwidth-stats';
import { BANDWIDTH_PROBE_ERROR } from '../src/lib/device/probe-protocol';

const WORKGROUP = 256;
const TIMED_PASSES = 7;

const SHADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read> source: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read_write> sink: array<u32>;

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let total = arrayLength(&source);
  let stride = groups.x * ${WORKGROUP}u;
  var folded = vec4<u32>(0u);
  for (var i = id.x; i < total; i = i + stride) {
    folded = folded ^ source[i];
  }
  let value = folded.x ^ folded.y ^ folded.z ^ folded.w;
  // The buffer is zeros, so this never writes; the compiler cannot know that and keeps every load.
  if (value == 0xdeadbeefu) { sink[id.x & 1023u] = value; }
}`;

function probeError(message: string): Error {
  const error = new Error(message);
  error.name = BANDWIDTH_PROBE_ERROR;
  return error;
}

export async function measureBandwidth(gpu: GPU | undefined = self.navigator.gpu): Promise<BandwidthMeasurement> {
  if (!gpu) throw probeError('WebGPU is not available in this browser, so the bandwidth cannot be measured.');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw probeError('No WebGPU adapter was found, so the bandwidth cannot be measured.');
  const bytes = probeBufferBytes(adapter.limits);
  if (bytes === 0) throw probeError('This GPU allows only very small storage buffers, too small to measure its bandwidth.');
  const timestamps = adapter.features.has('timestamp-query');
  const device = await adapter.requestDevice({
    requiredFeatures: timestamps ? ['timestamp-query'] : [],
    requiredLimits: { maxStorageBufferBindingSize: bytes, maxBufferSize: bytes },
  });
  try {
    return await runPasses(device, bytes, timestamps ? 'timestamp-query' : 'submitted-work-done');
  } finally {
    device.destroy();
  }
}

async function runPasses(device: GPUDevice, bytes: number, method: TimingMethod): Promise<BandwidthMeasurement> {
  const source = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE });
  const sink = device.createBuffer({ size: 4096, usage: GPUBufferUsage.STORAGE });
  const module = device.createShaderModule({ code: SHADER });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: source } }, { binding: 1, resource: { buffer: sink } }],
  });
  const vectors = bytes / 16;
  const groups = Math.min(device.limits.maxComputeWorkgroupsPerDimension, Math.max(1, Math.ceil(vectors / WORKGROUP / 64)));
  const timer = method === 'timestamp-query' ? new TimestampTimer(device) : null;

  const pass = async (repeats: number): Promise<number> => {
    const encoder = device.createCommandEncoder();
    const compute = encoder.beginComputePass(timer ? { timestampWrites: timer.writes } : {});
    compute.setPipeline(pipeline);
    compute.setBindGroup(0, bindGroup);
    for (let r = 0; r < repeats; r++) compute.dispatchWorkgroups(groups);
    compute.end();
    timer?.resolve(encoder);
    const started = performance.now();
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    const wallSeconds = (performance.now() - started) / 1000;
    return timer ? await timer.read() : wallSeconds;
  };

  try {
    const repeats = repeatsFor(await pass(1)); // warm-up: pipeline compiled, memory paged in
    const seconds: number[] = [];
    for (let i = 0; i < TIMED_PASSES; i++) seconds.push(await pass(repeats));
    const measurement = summarisePasses(bytes * repeats, seconds, method);
    if (!measurement) throw probeError('The GPU timings came back empty, so no bandwidth could be worked out. Try again.');
    return measurement;
  } finally {
    source.destroy();
    sink.destroy();
    timer?.destroy();
  }
}

/** Two timestamps around the compute pass, resolved into a buffer the CPU can read. */
class TimestampTimer {
  readonly #set: GPUQuerySet;
  readonly #resolved: GPUBuffer;
  readonly #readback: GPUBuffer;

  constructor(device: GPUDevice) {
    this.#set = device.createQuerySet({ type: 'timestamp', count: 2 });
    this.#resolved = device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
    this.#readback = device.createBuffer({ size: 16, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  }

  get writes(): GPUComputePassTimestampWrites {
    return { querySet: this.#set, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 };
  }

  resolve(encoder: GPUCommandEncoder): void {
    encoder.resolveQuerySet(this.#set, 0, 2, this.#resolved, 0);
    encoder.copyBufferToBuffer(this.#resolved, 0, this.#readback, 0, 16);
  }

  async read(): Promise<number> {
    await this.#readback.mapAsync(GPUMapMode.READ);
    const [start, end] = new BigUint64Array(this.#readback.getMappedRange().slice(0));
    this.#readback.unmap();
    return Number((end ?? 0n) - (start ?? 0n)) / 1e9;
  }

  destroy(): void {
    this.#set.destroy();
    this.#resolved.destroy();
    this.#readback.destroy();
  }
}

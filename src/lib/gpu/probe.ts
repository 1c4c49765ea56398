import { t } from '../i18n/i18n.svelte';

/**
 * What this browser's WebGPU offers, read once at start-up on the main thread (cheap: no
 * device is created). The catalog uses it to say which models fit before anything downloads.
 */
export interface GpuReport {
  available: boolean;
  /** Why WebGPU is unavailable (only when `available` is false). */
  problem: 'no-api' | 'insecure-context' | 'no-adapter' | 'error' | null;
  problemDetail: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

const NONE: GpuReport = {
  available: false,
  problem: null,
  problemDetail: '',
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
  shaderF16: false,
  maxBufferSize: 0,
  maxStorageBufferBindingSize: 0,
};

interface ProbeEnvironment {
  gpu: GPU | undefined;
  isSecureContext: boolean;
}

function browserEnvironment(): ProbeEnvironment {
  return {
    gpu: typeof navigator !== 'undefined' ? navigator.gpu : undefined,
    isSecureContext: typeof window !== 'undefined' ? window.isSecureContext : true,
  };
}

export async function probeGpu(env: ProbeEnvironment = browserEnvironment()): Promise<GpuReport> {
  if (!env.isSecureContext) return { ...NONE, problem: 'insecure-context' };
  if (!env.gpu) return { ...NONE, problem: 'no-api' };
  try {
    // web-llm asks for a high-performance adapter; report the same one it will get.
    const adapter = await env.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ...NONE, problem: 'no-adapter' };
    const info = adapter.info;
    return {
      ...NONE,
      available: true,
      vendor: info?.vendor ?? '',
      architecture: info?.architecture ?? '',
      device: info?.device ?? '',
      description: info?.description ?? '',
      isFallbackAdapter: Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter),
      shaderF16: adapter.features.has('shader-f16'),
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    };
  } catch (error) {
    return { ...NONE, problem: 'error', problemDetail: error instanceof Error ? error.message : String(error) };
  }
}

/** Next steps for a person whose browser has no usable WebGPU (in the page's language). */
export function webGpuHelp(report: GpuReport): { title: string; steps: string[] } {
  switch (report.problem) {
    case 'insecure-context':
      return { title: t('gpu.insecureTitle'), steps: [t('gpu.insecureStep1'), t('gpu.insecureStep2')] };
    case 'no-adapter':
      return { title: t('gpu.noAdapterTitle'), steps: [t('gpu.noAdapterStep1'), t('gpu.noAdapterStep2'), t('gpu.noAdapterStep3')] };
    default:
      return {
        title: t('gpu.unsupportedTitle'),
        steps: [t('gpu.unsupportedStep1'), t('gpu.unsupportedStep2'), t('gpu.unsupportedStep3'), t('gpu.unsupportedStep4')],
      };
  }
}

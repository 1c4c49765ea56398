import type { CatalogEntry } from '../catalog/catalog';
import { perWord, softwareAdvice, type SoftwareAdvice } from '../catalog/software-speed';
import type { GpuReport } from '../gpu/probe';
import { t } from '../i18n/i18n.svelte';

const CONFIRMED_KEY = 'lineup.software-run-confirmed';

function readConfirmed(): boolean {
  try {
    return sessionStorage.getItem(CONFIRMED_KEY) === 'yes';
  } catch {
    return false; // storage refused (private mode, sandboxed frame): ask again, harmless
  }
}

/**
 * On a software adapter (WebGPU emulated on the processor) a short answer takes minutes. Run
 * then asks once, inline, with the expected time per word and the smallest model to try; the
 * answer is remembered for this tab's session, so a class is not asked on every prompt.
 */
export class SoftwareRunGate {
  /** The run waiting for "Run anyway"; null when nothing is being asked. */
  private pendingRun = $state<(() => void) | null>(null);
  confirmed = $state(readConfirmed());

  private readonly gpu: () => GpuReport | null;
  private readonly lineup: () => CatalogEntry[];
  private readonly candidates: () => readonly CatalogEntry[];
  private readonly automated: boolean;

  /**
   * Getters, read when needed: the GPU report, the line-up's entries, the models that can run here.
   * `automated`: the browser is driven by a program (WebDriver, Playwright: `navigator.webdriver`),
   * as in the test suites, the speed bench and the README screenshot, which all run on SwiftShader.
   * A confirmation is a question for a person; with nobody to answer it the run goes ahead, and
   * the warning with its time per word is still shown.
   */
  constructor(
    gpu: () => GpuReport | null,
    lineup: () => CatalogEntry[],
    candidates: () => readonly CatalogEntry[],
    automated: boolean = typeof navigator !== 'undefined' && navigator.webdriver === true,
  ) {
    this.gpu = gpu;
    this.lineup = lineup;
    this.candidates = candidates;
    this.automated = automated;
  }

  // Getters over the reactive inputs: they stay reactive where they are read (templates, effects).
  get software(): boolean {
    const report = this.gpu();
    return report?.available === true && report.isFallbackAdapter;
  }

  get advice(): SoftwareAdvice | null {
    return this.software ? softwareAdvice(this.lineup(), this.candidates()) : null;
  }

  /** "about a minute per word here", for the GPU line at the top; null on a real GPU. */
  get slowNote(): string | null {
    const advice = this.advice;
    if (!advice) return null;
    return advice.slowest ? t('gpu.slowHere', { perWord: perWord(advice.slowest.secondsPerWord) }) : t('gpu.slowMinutes');
  }

  get asking(): boolean {
    return this.pendingRun !== null;
  }

  /** True when `run` may go ahead now; otherwise it is kept until the person answers. */
  allows(run: () => void): boolean {
    if (!this.software || this.confirmed || this.automated) return true;
    this.pendingRun = run;
    return false;
  }

  confirm(): void {
    const run = this.pendingRun;
    this.confirmed = true;
    this.pendingRun = null;
    try {
      sessionStorage.setItem(CONFIRMED_KEY, 'yes');
    } catch {
      // Not stored: remembered in this page until a reload.
    }
    run?.();
  }

  cancel(): void {
    this.pendingRun = null;
  }
}

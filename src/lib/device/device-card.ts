/**
 * The "device card": what the readiness check found on one machine, as a small JSON file a
 * teacher collects from every laptop. Cards come from other machines, so a card read from a
 * file is hostile: `parseDeviceCards` keeps only the known fields, typed and bounded, and says
 * in plain words what is wrong with a file it refuses.
 */
import type { TimingMethod } from './bandwidth-stats';
import { canonicalJson, contentHash, mergeById, type Identity, type MergeResult } from '../files/merge-by-id';
import { t } from '../i18n/i18n.svelte';

export const DEVICE_CARD_FORMAT = 'lineup-device-card';
export const DEVICE_CARD_VERSION = 1;

export interface DeviceCardModel {
  id: string;
  label: string;
  paramsB: number | null;
  runnable: boolean;
  /** At most this many tokens/s on that machine; null when its bandwidth was not measured. */
  ceilingTps: number | null;
}

export interface DeviceCard {
  format: typeof DEVICE_CARD_FORMAT;
  version: typeof DEVICE_CARD_VERSION;
  id: string;
  /** What the person called the machine ("Room 12, laptop 3"). */
  name: string;
  createdAt: string;
  userAgent: string;
  gpu: {
    available: boolean;
    vendor: string;
    architecture: string;
    description: string;
    isFallbackAdapter: boolean;
    shaderF16: boolean;
    maxBufferSize: number;
    maxStorageBufferBindingSize: number;
  };
  storage: { quotaBytes: number | null; persisted: boolean | null };
  bandwidth: { gbps: number; method: TimingMethod } | null;
  models: DeviceCardModel[];
  verdict: string;
}

export class DeviceCardError extends Error {
  override name = 'DeviceCardError';
}

const MAX_TEXT = 300;
const MAX_MODELS = 200;
const MAX_CARDS = 1000;

/** A card's id is derived from its content, so the same card imported twice is one card. */
export function withContentId(card: Omit<DeviceCard, 'id'>): DeviceCard {
  return { ...card, id: `card-${contentHash(canonicalJson(card))}` };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new DeviceCardError(t('device.cardNotText', { field }));
  // Lone surrogates and control characters would break the table and the CSV: drop them.
  return value.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);
}

function optionalText(value: unknown, field: string, max = MAX_TEXT): string {
  return value === undefined || value === null ? '' : text(value, field, max);
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new DeviceCardError(t('device.cardNotCount', { field }));
  return value;
}

function nullableCount(value: unknown, field: string): number | null {
  return value === null || value === undefined ? null : count(value, field);
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new DeviceCardError(t('device.cardNotFlag', { field }));
  return value;
}

function readModel(value: unknown, index: number): DeviceCardModel {
  if (!isObject(value)) throw new DeviceCardError(t('device.cardModelNotObject', { index: index + 1 }));
  const id = text(value.id, `models[${index}].id`, 200);
  if (id === '') throw new DeviceCardError(t('device.cardModelNoId', { index: index + 1 }));
  return {
    id,
    label: optionalText(value.label, `models[${index}].label`) || id,
    paramsB: nullableCount(value.paramsB, `models[${index}].paramsB`),
    runnable: flag(value.runnable, `models[${index}].runnable`),
    ceilingTps: nullableCount(value.ceilingTps, `models[${index}].ceilingTps`),
  };
}

function readCard(value: unknown): DeviceCard {
  if (!isObject(value) || value.format !== DEVICE_CARD_FORMAT) {
    throw new DeviceCardError(t('device.cardWrongFormat'));
  }
  if (value.version !== DEVICE_CARD_VERSION) throw new DeviceCardError(t('device.cardWrongVersion', { version: String(value.version), supported: DEVICE_CARD_VERSION }));
  const gpu = isObject(value.gpu) ? value.gpu : {};
  const storage = isObject(value.storage) ? value.storage : {};
  const bandwidth = isObject(value.bandwidth) ? value.bandwidth : null;
  if (!Array.isArray(value.models)) throw new DeviceCardError(t('device.cardModelsNotList'));
  if (value.models.length > MAX_MODELS) throw new DeviceCardError(t('device.cardTooManyModels', { max: MAX_MODELS }));
  const method = bandwidth?.method === 'timestamp-query' ? 'timestamp-query' : 'submitted-work-done';
  const id = text(value.id, 'id', 100);
  if (!/^[\w.-]{1,100}$/.test(id)) throw new DeviceCardError(t('device.cardBadId'));
  const models = value.models.map(readModel);
  if (new Set(models.map((model) => model.id)).size !== models.length) throw new DeviceCardError(t('device.cardModelTwice'));
  return {
    format: DEVICE_CARD_FORMAT,
    version: DEVICE_CARD_VERSION,
    id,
    name: optionalText(value.name, 'name', 120),
    createdAt: Number.isFinite(Date.parse(text(value.createdAt, 'createdAt', 40))) ? text(value.createdAt, 'createdAt', 40) : new Date(0).toISOString(),
    userAgent: optionalText(value.userAgent, 'userAgent', 500),
    gpu: {
      available: flag(gpu.available, 'gpu.available'),
      vendor: optionalText(gpu.vendor, 'gpu.vendor'),
      architecture: optionalText(gpu.architecture, 'gpu.architecture'),
      description: optionalText(gpu.description, 'gpu.description'),
      isFallbackAdapter: gpu.isFallbackAdapter === true,
      shaderF16: gpu.shaderF16 === true,
      maxBufferSize: nullableCount(gpu.maxBufferSize, 'gpu.maxBufferSize') ?? 0,
      maxStorageBufferBindingSize: nullableCount(gpu.maxStorageBufferBindingSize, 'gpu.maxStorageBufferBindingSize') ?? 0,
    },
    storage: { quotaBytes: nullableCount(storage.quotaBytes, 'storage.quotaBytes'), persisted: typeof storage.persisted === 'boolean' ? storage.persisted : null },
    bandwidth: bandwidth ? { gbps: count(bandwidth.gbps, 'bandwidth.gbps'), method } : null,
    models,
    verdict: optionalText(value.verdict, 'verdict', 400),
  };
}

/** One card, or a list of cards (a class file), from a file's text. Throws DeviceCardError. */
export function parseDeviceCards(source: string): DeviceCard[] {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    throw new DeviceCardError(t('device.fileNotJson'));
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new DeviceCardError(t('device.fileNoCards'));
  if (list.length > MAX_CARDS) throw new DeviceCardError(t('device.fileTooManyCards', { max: MAX_CARDS }));
  return list.map((item, index) => {
    try {
      return readCard(item);
    } catch (error) {
      if (list.length === 1 || !(error instanceof DeviceCardError)) throw error;
      throw new DeviceCardError(t('device.cardProblem', { index: index + 1, problem: error.message }));
    }
  });
}

const identity: Identity<DeviceCard> = {
  id: (card) => card.id,
  withId: (card, id) => ({ ...card, id }),
  content: (card) => canonicalJson({ ...card, id: undefined }),
  copyId: (id, hash) => `${id.slice(0, 60)}-copy-${hash}`,
};

/** Cards to add to the class, never replacing one already there (see files/merge-by-id.ts). */
export function mergeDeviceCards(existing: readonly DeviceCard[], incoming: readonly DeviceCard[]): MergeResult<DeviceCard> {
  return mergeById(existing, incoming, identity);
}

import { customModelEntry, type CatalogEntry, type CustomModelInput } from '../catalog/catalog';

/** What the editor needs from the app: its custom models can be added and forgotten. */
export interface CustomModelStore {
  addCustomModel(input: CustomModelInput): CatalogEntry;
  forgetCustomModel(id: string): void;
}

/**
 * "Edit the model" from a pane's error (e.g. a library built for another web-llm version): the
 * custom model form opens on that model with its library field focused, and saving replaces it.
 * Kept out of LineupState: only the pane error, the picker and the form take part.
 */
export class CustomModelEditor {
  /** The custom model being edited, as the form shows it; null while the form adds new models. */
  editing = $state<{ id: string; input: CustomModelInput } | null>(null);
  /** Counts requests, so a second "Edit the model" focuses the field again. */
  requests = $state(0);

  readonly #store: CustomModelStore;

  constructor(store: CustomModelStore) {
    this.#store = store;
  }

  edit(entry: CatalogEntry): void {
    const input: CustomModelInput = { id: entry.id, weightsUrl: entry.record.model, libraryUrl: entry.record.model_lib };
    const context = entry.record.overrides?.context_window_size;
    if (context !== undefined) input.contextWindowSize = context;
    this.editing = { id: entry.id, input };
    this.requests++;
  }

  /**
   * Replace the edited model with `input`. Validated first (throws CustomModelError), so a
   * mistake in the edit keeps the old model.
   */
  save(input: CustomModelInput): CatalogEntry {
    const editing = this.editing;
    if (!editing) return this.#store.addCustomModel(input);
    customModelEntry(input);
    this.#store.forgetCustomModel(editing.id);
    const entry = this.#store.addCustomModel(input);
    this.editing = null;
    return entry;
  }

  cancel(): void {
    this.editing = null;
  }
}

/**
 * The proxy machinery of Office.js as the model imitates it: a proxy queues work on its context,
 * `load` queues a read, `context.sync()` runs the queue in order, and only then are the loaded
 * properties readable; reading one that was not loaded throws PropertyNotLoaded on the client, as
 * Office.js does. `*OrNullObject` proxies learn whether their object exists at the next sync, and
 * `load()` without names loads every scalar property ("Application-specific API model").
 *
 * Not documented, assumed: setting a property does not make it readable without a load; loading a
 * property the object does not have fails at the sync with InvalidArgument; a method called or a
 * property set on a null object fails with ItemNotFound.
 */

import { ModelError, propertyNotLoaded } from './errors';
import type { ModelContext } from './context';

/** What a load produced: the JSON Excel would send back, and how to keep it once the sync succeeds. */
export interface Collected {
  json: unknown;
  commit(): void;
}

export interface PropertyDef {
  get(): unknown;
  /** The ExcelApi version that brought the property. */
  since?: string;
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

/** "items/name, items/worksheet/name" → [["items","name"],["items","worksheet","name"]]. */
export function parseLoadSpec(spec: LoadSpec): string[][] {
  const text = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? spec.select : spec;
  const parts = text === undefined ? [] : Array.isArray(text) ? text : text.split(',');
  return parts.map((part) => part.trim()).filter((part) => part !== '').map((part) => part.split('/').map((segment) => segment.trim()));
}

export abstract class ModelObject {
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly children = new Map<string, ModelObject>();

  constructor(
    readonly context: ModelContext,
    /** A readable object path, used in payload estimates and error locations. */
    readonly path: string,
    readonly typeName: string,
    private readonly nullable = false,
  ) {
    // A nullable proxy reached through a load path ("items/customOrNullObject/…") learns whether it exists from that load.
    if (nullable && !context.running) {
      context.enqueue({
        where: typeName,
        describe: { p: path, q: 'isNullObject' },
        run: () => {
          const exists = this.exists();
          return { json: exists, commit: () => void (this.nullState = !exists) };
        },
      });
    }
  }

  /** Scalar properties, computed from the workbook when a sync runs the load. */
  protected abstract properties(): Record<string, PropertyDef>;

  /** Navigation properties: objects reached without a method call, loadable by path ("worksheet/name"). */
  protected navigation(): Record<string, () => ModelObject> {
    return {};
  }

  /** Whether the object is there; a proxy that is not nullable throws ItemNotFound instead of answering false. */
  protected abstract exists(): boolean;

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue({ where: `${this.typeName}.load`, describe: { p: this.path, l: paths.map((p) => p.join('/')) }, run: () => this.collect(paths) });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  /** A loaded property's value; throws as Office.js does when it was not loaded. */
  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loadedValues.get(name) as T;
  }

  /** The same child proxy each time a navigation property is read. */
  protected child<T extends ModelObject>(name: string, make: () => T): T {
    let child = this.children.get(name);
    if (!child) this.children.set(name, (child = make()));
    return child as T;
  }

  /** Runs the existence check when the action runs; actions on a null object fail with ItemNotFound (an assumption: not documented). */
  protected present(where: string): void {
    if (!this.exists()) throw new ModelError('ItemNotFound', where);
  }

  /** Queues a property assignment, checked and applied when the sync runs. */
  protected assign(name: string, value: unknown, apply: () => void, since?: string): void {
    const where = `${this.typeName}.${name}`;
    this.context.enqueue({ where, since, describe: { p: this.path, s: name, v: value }, run: () => (this.present(where), apply()) });
  }

  /** Queues a method call. */
  protected invoke(name: string, args: unknown[], run: () => void, since?: string): void {
    const where = `${this.typeName}.${name}`;
    this.context.enqueue({ where, since, describe: { p: this.path, m: name, a: args }, run: () => (this.present(where), run()) });
  }

  collect(paths: string[][]): Collected {
    if (this.nullable && !this.exists()) {
      return { json: null, commit: () => ((this.nullState = true), this.loadedValues.clear()) };
    }
    this.present(`${this.typeName}.load`);
    const properties = this.properties();
    const navigation = this.navigation();
    const wanted = paths.length === 0 ? Object.keys(properties).map((name) => [name]) : paths;
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) groups.set(head, [...(groups.get(head) ?? []), rest]);
    const json: Record<string, unknown> = {};
    const commits: (() => void)[] = [];
    for (const [head, rests] of groups) {
      const property = properties[head];
      if (property) {
        if (rests.some((rest) => rest.length > 0)) throw new ModelError('InvalidArgument', `${this.typeName}.load`, `"${head}" is not an object`);
        this.context.requireApi(property.since, `${this.typeName}.${head}`);
        const value = property.get();
        json[head] = value;
        commits.push(() => this.loadedValues.set(head, value));
        continue;
      }
      const navigate = navigation[head];
      if (!navigate) throw new ModelError('InvalidArgument', `${this.typeName}.load`, `${this.typeName} has no property "${head}"`);
      const collected = navigate().collect(rests.filter((rest) => rest.length > 0));
      json[head] = collected.json;
      commits.push(collected.commit);
    }
    return {
      json,
      commit: () => {
        if (this.nullable) this.nullState = false;
        for (const commit of commits) commit();
      },
    };
  }
}

/** A collection: `items` (after loading "items" or "items/…") and `count`. */
export abstract class ModelCollection<T extends ModelObject> extends ModelObject {
  private loadedItems: T[] | undefined;

  /** The proxies of the members as they are when the sync runs. */
  protected abstract members(): T[];

  get items(): T[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.typeName, 'items');
    return this.loadedItems;
  }

  protected properties(): Record<string, PropertyDef> {
    return { count: { get: () => this.members().length } };
  }

  protected exists(): boolean {
    return true;
  }

  override collect(paths: string[][]): Collected {
    const itemPaths = paths.length === 0 ? [[]] : paths.filter(([head]) => head === 'items').map(([, ...rest]) => rest);
    const own = paths.filter(([head]) => head !== 'items');
    const base = own.length > 0 ? super.collect(own) : { json: {}, commit: () => undefined };
    if (itemPaths.length === 0) return base;
    const members = this.members();
    const nested = itemPaths.filter((rest) => rest.length > 0);
    const collected = members.map((member) => member.collect(nested));
    return {
      json: { ...(base.json as object), items: collected.map((item) => item.json) },
      commit: () => {
        base.commit();
        for (const item of collected) item.commit();
        this.loadedItems = members;
      },
    };
  }
}

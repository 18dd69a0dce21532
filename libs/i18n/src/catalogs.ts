import { CATALOGS_DIR, languagesOnDisk, namespacesOnDisk, readCatalog, SOURCE_LANGUAGE } from './catalog-files';
import type { CatalogNamespaces } from './catalog-types';
import { catalogTexts } from './message-texts';

export type CatalogNamespace = keyof CatalogNamespaces;

/**
 * The catalogs on disk, each read and compiled once, when first asked for. Texts are immutable, so every
 * request shares them.
 */
export class Catalogs {
  private readonly compiled = new Map<string, unknown>();
  /** Language → its namespaces, read from disk once: asked on every request (which languages a page offers). */
  private layout?: Map<string, Set<string>>;

  constructor(private readonly dir = CATALOGS_DIR) {}

  texts<N extends CatalogNamespace>(namespace: N, language: string): CatalogNamespaces[N] {
    const key = `${language}/${namespace}`;
    let texts = this.compiled.get(key);
    if (texts === undefined) {
      const source = readCatalog(SOURCE_LANGUAGE, namespace, this.dir);
      if (!source) throw new Error(`no source catalog for ${namespace}`);
      texts = catalogTexts(language, source, language === SOURCE_LANGUAGE ? source : readCatalog(language, namespace, this.dir));
      this.compiled.set(key, texts);
    }
    return texts as CatalogNamespaces[N];
  }

  /** Every language with a folder of catalogs, the source first. */
  languages(): string[] {
    return [...this.onDisk().keys()];
  }

  /** The languages that have this namespace translated, in the order given (a deployment's own order). */
  languagesWith(namespace: CatalogNamespace, preferred: readonly string[] = this.languages()): string[] {
    const layout = this.onDisk();
    return preferred.filter((language) => layout.get(language)?.has(namespace));
  }

  private onDisk(): Map<string, Set<string>> {
    if (!this.layout) {
      const languages = languagesOnDisk(this.dir);
      const ordered = [...languages.filter((l) => l === SOURCE_LANGUAGE), ...languages.filter((l) => l !== SOURCE_LANGUAGE)];
      this.layout = new Map(ordered.map((language) => [language, new Set(namespacesOnDisk(language, this.dir))]));
    }
    return this.layout;
  }
}

export const catalogs = new Catalogs();

/** A language's own name for itself, capitalised as a menu item (`Türkçe`, `Português (Brasil)`). */
export function languageName(language: string): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** A language's name in another language, for labels (`languageNameIn('tr', 'pt')` is "turco"). */
export function languageNameIn(language: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(language) ?? language;
}

/** Which way a language's script runs, from CLDR through `Intl.Locale`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const info = (new Intl.Locale(language) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

let offered: readonly string[] | undefined;
const offeredBy = new Map<CatalogNamespace, string[]>();

/** The deployment's languages (`SUPPORTED_LANGUAGES`), its default first; set once as a process starts. */
export function offerLanguages(languages: readonly string[]): void {
  offered = [...languages];
  offeredBy.clear();
}

/**
 * The deployment's languages, its default first, that have catalogs at all: what names of agencies and topics are
 * written in. Before a deployment says (a unit test), every language on disk, the source first.
 */
export function deploymentLanguages(): string[] {
  const onDisk = catalogs.languages();
  return offered ? offered.filter((language) => onDisk.includes(language)) : onDisk;
}

/**
 * The languages a surface speaks: the deployment's, in its order, that have the surface's namespace
 * translated. Before a deployment says (a unit test), every language on disk, the source first.
 */
export function offeredLanguages(namespace: CatalogNamespace): string[] {
  let languages = offeredBy.get(namespace);
  if (!languages) offeredBy.set(namespace, (languages = catalogs.languagesWith(namespace, offered ?? catalogs.languages())));
  // A copy: callers filter and spread it, and none may change what the next request sees.
  return [...languages];
}

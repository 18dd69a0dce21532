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

  /** The languages that have this namespace translated, in the order given (a deployment's own order). */
  languagesWith(namespace: CatalogNamespace, preferred: readonly string[] = languagesOnDisk(this.dir)): string[] {
    return preferred.filter((language) => namespacesOnDisk(language, this.dir).includes(namespace));
  }
}

export const catalogs = new Catalogs();

/** A language's own name for itself, capitalised as a menu item (`Türkçe`, `Português (Brasil)`). */
export function languageName(language: string): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** Which way a language's script runs, from CLDR through `Intl.Locale`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const info = (new Intl.Locale(language) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

let offered: readonly string[] | undefined;

/** The deployment's languages (`SUPPORTED_LANGUAGES`), its default first; set once as a process starts. */
export function offerLanguages(languages: readonly string[]): void {
  offered = [...languages];
}

/**
 * The languages a surface speaks: the deployment's, in its order, that have the surface's namespace
 * translated. Before a deployment says (a unit test), every language on disk, the source first.
 */
export function offeredLanguages(namespace: CatalogNamespace): string[] {
  const preferred = offered ?? [SOURCE_LANGUAGE, ...languagesOnDisk().filter((language) => language !== SOURCE_LANGUAGE)];
  return catalogs.languagesWith(namespace, preferred);
}

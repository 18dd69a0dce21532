import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';

/**
 * Guesses the topic of a free-text message from the catalogue's keywords, matched as whole words
 * (a trailing * matches a prefix), like the routing rules. No clear winner means no topic: the
 * router then sends the application to the central triage unit, where a person classifies it.
 */
@Injectable()
export class TopicGuess {
  constructor(private readonly catalogue: CatalogueService) {}

  async guess(text: string, language: string): Promise<string | null> {
    const words = wordsOf(text, language);
    let best: { code: string; hits: number } | null = null;
    let tie = false;
    for (const topic of await this.catalogue.activeTopics()) {
      const hits = (topic.keywords ?? []).filter((k) => keywordMatches(lower(k, language), words)).length;
      if (!hits) continue;
      if (!best || hits > best.hits) {
        best = { code: topic.code, hits };
        tie = false;
      } else if (hits === best.hits) tie = true;
    }
    return best && !tie ? best.code : null;
  }
}

function keywordMatches(keyword: string, words: Set<string>): boolean {
  if (!keyword.endsWith('*')) return words.has(keyword);
  const prefix = keyword.slice(0, -1);
  for (const w of words) if (w.startsWith(prefix)) return true;
  return false;
}

function wordsOf(text: string, language: string): Set<string> {
  return new Set(
    lower(text, language)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/** Lower-case by the message's language, so Turkish I/İ become ı/i as the writer meant. */
function lower(text: string, language: string): string {
  try {
    return text.normalize('NFC').toLocaleLowerCase(language);
  } catch {
    return text.normalize('NFC').toLowerCase();
  }
}

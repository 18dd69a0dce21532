import * as ts from 'typescript';

/** A sentence for a person found in TypeScript source, where it should be a catalog key. */
export interface SourceSentence {
  line: number;
  text: string;
}

/**
 * Three words of letters in a row on one line, one of them in lower case, as a sentence has and a code, a path,
 * an SQL identifier or a Title Case reason phrase (`Payload Too Large`) has not.
 */
const WORDS_IN_A_ROW = /(?:^|[\s>(“"'])\p{L}[\p{L}’'-]*[,;:]?(?:[ \t]+\p{L}[\p{L}’'-]*[,;:.!?]?){2,}/gu;
const LOWER_CASE_WORD = /(?:^|[^\p{L}])\p{Ll}/u;
/** SQL, whole or a fragment: its keywords in capitals, a numbered parameter, a cast. */
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|AND|OR|NOT|NULL|IS|IN|AS|ON|BY|EXISTS|CASE|WHEN|THEN|JOIN|LIMIT|WITH|INTERVAL|ZONE|DISTINCT)\b|\$\d|::/;

/** Words for operators and developers, not for the people the catalogs speak to: log lines, API docs, env docs. */
const DOCUMENTATION_PROPERTIES = new Set(['description', 'summary', 'example', 'examples', 'msg', 'help']);
const LOG_METHODS = new Set(['log', 'debug', 'info', 'warn', 'error', 'fatal', 'trace', 'verbose']);
/** Errors that never reach a person as such: programmer mistakes, configuration, delivery outcomes a worker records. */
const INTERNAL_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'EnvironmentError',
  'UnavailableError',
  'UnrecoverableError',
  'PermanentDeliveryError',
  'TransientDeliveryError',
  'RecipientOptedOutError',
]);

/** Every string or template literal of `source` that reads as a sentence and is not documentation, a log line, SQL or an internal error. */
export function sentencesIn(source: string, fileName = 'source.ts'): SourceSentence[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: SourceSentence[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      if (!SQL.test(text) && readsAsSentence(withoutMarkup(text)) && !exempt(node)) {
        found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // A value breaks the run of words: `${a} ${b} ${c}` is not a sentence, `no agency ${code} in reach` is.
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' § ');
  return undefined;
}

function readsAsSentence(text: string): boolean {
  return [...text.matchAll(WORDS_IN_A_ROW)].some(([run]) => LOWER_CASE_WORD.test(run));
}

/** Tags and entities are not words: what is left of `<p>Your application was received</p>` is. */
function withoutMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' ');
}

function exempt(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent && !ts.isSourceFile(at); at = at.parent) {
    const parent = at.parent;
    if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
      const name = propertyName(parent.name);
      if (name === 'message') return false;
      if (DOCUMENTATION_PROPERTIES.has(name)) return true;
    }
    if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
      const callee = parent.expression;
      if (ts.isPropertyAccessExpression(callee) && documentationCall(callee)) return true;
    }
    if (ts.isNewExpression(parent) && parent.arguments?.includes(at as ts.Expression) && INTERNAL_ERRORS.has(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.SuperKeyword && extendsInternalError(parent)) return true;
    // `@ApiTags('staff: call center')`, `@Flag('Only unassigned applications')`: documentation; a check's words come as `{ message }`.
    if (at === node && ts.isCallExpression(parent) && ts.isDecorator(parent.parent) && parent.arguments.includes(node as ts.Expression)) return true;
    if (ts.isStatement(parent) || ts.isClassElement(parent)) return false;
  }
  return false;
}

/** `logger.warn(…)`, `this.logger.error(…)`, Joi's `.description(…)`, Swagger's `.setDescription(…)`, `process.stderr.write(…)`, `console.error(…)`. */
function documentationCall(callee: ts.PropertyAccessExpression): boolean {
  const method = callee.name.text;
  const target = callee.expression.getText();
  if (/^(set)?description$/i.test(method)) return true;
  if (LOG_METHODS.has(method) && /(^|\.)(logger|log|console)$/i.test(target)) return true;
  return method === 'write' && /^process\.std(out|err)$/.test(target);
}

function extendsInternalError(node: ts.Node): boolean {
  let at = node.parent;
  while (at && !ts.isClassLike(at)) at = at.parent;
  const heritage = at?.heritageClauses?.flatMap((clause) => clause.types.map((type) => type.expression.getText())) ?? [];
  return heritage.some((name) => INTERNAL_ERRORS.has(name));
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}

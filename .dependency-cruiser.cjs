/**
 * The arrows of the house (docs/architecture.md): apps → libs → platform, never back, never in a circle.
 * Run by `npm run lint:deps`, which `npm test` runs first.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle between files means two concepts that cannot be read or changed apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment: 'Libs hold the product; apps are only the processes that run it.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'platform-knows-no-domain',
      severity: 'error',
      comment: 'Platform is the floor every domain stands on: database, queues, config, clock, security.',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/', pathNot: '^libs/(platform|country-packs)/' },
    },
    {
      name: 'i18n-knows-no-domain',
      severity: 'error',
      comment: 'The catalogs and their loader serve every lib; words about a domain live in the catalogs, not in imports.',
      from: { path: '^libs/i18n/' },
      to: { path: '^libs/', pathNot: '^libs/i18n/' },
    },
    {
      name: 'country-packs-know-no-domain',
      severity: 'error',
      comment: 'A pack is data (settings, law, a demo) that configuration and the installer read; its checks import nothing of the product.',
      from: { path: '^libs/country-packs/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/', pathNot: '^libs/country-packs/' },
    },
    {
      name: 'domain-libs-never-import-ways-in-or-out',
      severity: 'error',
      comment: 'Domain libs are what every channel and page uses; the channels, pages and the sending side use them, not the other way.',
      from: { path: '^libs/(applications|intake|casework|inbox|reporting|audit|routing|sla|staff|directory|catalogue|notifications)/' },
      to: { path: '^libs/(channels|message-delivery|http-api|api-contracts|web-[^/]+)/' },
    },
    {
      name: 'libs-never-know-http',
      severity: 'error',
      comment: 'Below the HTTP edge there are domain errors, never requests or HttpExceptions: they are mapped once, in the filter.',
      from: { path: '^libs/', pathNot: '^libs/(http-api|api-contracts|web-[^/]+)/' },
      to: { path: 'node_modules/(fastify|@fastify/[^/]+|@nestjs/platform-fastify)/' },
    },
    {
      name: 'product-code-never-imports-tests',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

// Dependency rules from ../shared/STYLE.md, checked by `npm test` (npm run lint:deps).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles.', from: {}, to: { circular: true, dependencyTypesNot: ['type-only'] } },
    {
      name: 'fastify-only-at-the-edge', severity: 'error',
      comment: 'Only *.routes.ts, src/http/, app.ts, server.ts and main.ts import fastify.',
      from: { path: '^src/', pathNot: ['\\.routes\\.ts$', '^src/http/', '^src/app\\.ts$', '^src/server\\.ts$', '^src/main\\.ts$', '\\.test\\.ts$'] },
      to: { path: ['node_modules/fastify/', 'node_modules/@fastify/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'env-only-in-config', severity: 'error',
      comment: 'lib/ imports nothing from the app.',
      from: { path: '^src/lib/' }, to: { path: '^src/(?!lib/)' },
    },
    {
      name: 'modules-through-index', severity: 'error',
      comment: 'A module imports another module only through its index.ts.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'domain-not-http', severity: 'error',
      comment: 'Use-cases, repos and policies never import the HTTP layer (only *.routes.ts do).',
      from: { path: '^src/modules/', pathNot: ['\\.routes\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^src/http/', pathNot: ['^src/http/schemas\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: ['\\.test\\.ts$'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};

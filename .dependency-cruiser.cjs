// The layers of docs/architecture.md, top to bottom; each folder imports only the layers below it:
//   src/cli → src/api → src/workflows → src/<capability> → src/ledger → src/platform
// and web/ reaches the engine over HTTP only; shopper/ (shared by the widget and the hosted pages) imports
// neither. Run by `npm run lint` (depcruise src bench scripts web shopper).
const CAPABILITY = '^src/(?!cli/|api/|workflows/|ledger/|platform/)[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-nothing-above',
      comment: 'src/platform is the ground floor: db, errors, ids, clock, config, money, HTTP plumbing.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'ledger-knows-no-product',
      comment: 'src/ledger holds transfers, entries, balances, lots and verify; it imports only src/platform.',
      severity: 'error',
      from: { path: '^src/ledger/' },
      to: { path: '^src/', pathNot: '^src/(ledger|platform)/' },
    },
    {
      name: 'capabilities-below-workflows',
      comment: 'A capability (earning, rewards, tiers, …) holds domain logic and its SQL: no processes, no HTTP, no commands.',
      severity: 'error',
      from: { path: CAPABILITY },
      to: { path: '^src/(cli|api|workflows)/' },
    },
    {
      name: 'workflows-below-api',
      comment: 'A workflow is a business process; it knows nothing of HTTP or the command line.',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: { path: '^src/(cli|api)/' },
    },
    {
      name: 'api-below-cli',
      comment: 'The HTTP layer does not call the commands that start it.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-over-http-only',
      comment: 'The front-ends reach the engine only through HTTP, with the client generated from /openapi.json.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'shopper-words-stand-alone',
      comment: 'shopper/ (the texts of every locale, a program in words, the theme) is bundled into the widget and rendered by the hosted pages alike: it imports neither.',
      severity: 'error',
      from: { path: '^shopper/' },
      to: { path: '^(src|web)/' },
    },
    {
      name: 'engine-never-imports-web',
      comment: 'The engine does not depend on its front-ends; only the API contract test reads the generated client.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/api/[^/]+\\.test\\.ts$' },
      to: { path: '^web/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders form a tree of layers: a cycle between two folders means one of them is in the wrong place.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(src|web)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.regulars)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

// Bundles the action and the command line, each into one committed file: the Actions runner runs
// `node dist/index.js` without installing dependencies, and `npx member-audit` runs dist/cli.js.
// TypeScript is only transpiled here (type checking is `npm run typecheck`'s job), which halves
// the build time of @rollup/plugin-typescript's full program per bundle, with the same output.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import ts from 'typescript'

const transpile = {
  name: 'transpile-typescript',
  transform(code, id) {
    if (!id.endsWith('.ts')) return null
    const options = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false }
    return { code: ts.transpileModule(code, { compilerOptions: options, fileName: id }).outputText, map: null }
  }
}

const bundle = (input, file, banner) => ({
  input,
  output: {
    esModule: true,
    file,
    format: 'es',
    sourcemap: false,
    inlineDynamicImports: true,
    ...(banner ? { banner } : {})
  },
  onwarn(warning, warn) {
    // Dependencies (undici, @actions/*) use `this` at top level and circular imports; neither matters in a bundle.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
  plugins: [
    transpile,
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'], extensions: ['.ts', '.mjs', '.js', '.json'] }),
    commonjs(),
    json()
  ]
})

export default [bundle('src/index.ts', 'dist/index.js'), bundle('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node')]

// Bundles the action and the command line, each into one committed file: the Actions runner runs
// `node dist/index.js` without installing dependencies, and `npx member-audit` runs dist/cli.js.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const bundle = (input, file, banner) => ({
  input,
  output: { esModule: true, file, format: 'es', sourcemap: false, inlineDynamicImports: true, ...(banner ? { banner } : {}) },
  onwarn(warning, warn) {
    // Dependencies (undici, @actions/*) use `this` at top level and circular imports; neither matters in a bundle.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
  plugins: [typescript({ tsconfig: './tsconfig.build.json' }), nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }), commonjs(), json()]
})

export default [bundle('src/index.ts', 'dist/index.js'), bundle('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node')]

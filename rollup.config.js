// Bundles the action into one committed file, as the Actions runner runs `node dist/index.js`
// without installing dependencies.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const config = {
  input: 'src/index.ts',
  output: {
    esModule: true,
    file: 'dist/index.js',
    format: "es",
    sourcemap: false,
    inlineDynamicImports: true
  },
  onwarn(warning, warn) {
    // Dependencies (undici, @actions/*) use `this` at top level and circular imports; neither matters in a bundle.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json()
  ]
}

export default config

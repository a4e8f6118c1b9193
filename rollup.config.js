// Bundles the action and the command line, each into one committed file: the Actions runner runs
// `node dist/index.js` without installing dependencies, and `npx member-audit` runs dist/cli.js.
// TypeScript is only transpiled here (type checking is `npm run typecheck`'s job), which halves
// the build time of @rollup/plugin-typescript's full program per bundle, with the same output.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import license from 'rollup-plugin-license'
import ts from 'typescript'

const transpile = {
  name: 'transpile-typescript',
  transform(code, id) {
    if (!id.endsWith('.ts')) return null
    const options = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false }
    return { code: ts.transpileModule(code, { compilerOptions: options, fileName: id }).outputText, map: null }
  }
}

// The bundles copy their dependencies' code, whose licences (MIT, ISC, Apache-2.0…) ask that
// their notices travel with every copy: dist/licenses.txt lists every package bundled into either
// file with its licence text (and NOTICE, where it has one). Both bundles add to one list, kept
// sorted, so the file is the same whatever the order; the dist check in .ci/run fails when it is
// stale like any other file of dist/.
const bundled = new Map()

function notices(dependencies) {
  for (const d of dependencies) bundled.set(`${d.name}@${d.version}`, d)
  const entries = [...bundled.keys()].sort().map((key) => {
    const d = bundled.get(key)
    const source = typeof d.repository === 'string' ? d.repository : (d.repository?.url ?? d.homepage ?? '')
    const text = d.licenseText?.trim() || `(the package ships no licence file; package.json says ${d.license})`
    const notice = d.noticeText?.trim() ? `\n\n${d.noticeText.trim()}` : ''
    return `${key}\nLicense: ${d.license}${source ? `\nSource: ${source}` : ''}\n\n${text}${notice}\n`
  })
  return (
    `Third-party software bundled into dist/index.js and dist/cli.js (${entries.length} packages),\n` +
    `each with its licence. Written by \`npm run build\` (rollup-plugin-license); do not edit.\n\n` +
    entries.join(`\n${'-'.repeat(72)}\n\n`)
  )
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
    json(),
    license({ thirdParty: { multipleVersions: true, output: { file: 'dist/licenses.txt', template: notices } } })
  ]
})

export default [bundle('src/index.ts', 'dist/index.js'), bundle('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node')]

// Drives yaml-language-server over LSP (stdio), as an editor does, for tests/editor.rs.
//
// Input (standard input, JSON): { "files": [ { "path": "/abs/draft.yaml",
//   "hovers": [ { "line": 0, "character": 0 } ] } ] }. Each file must exist on disk and start
// with its `# yaml-language-server: $schema=…` modeline; the server reads the schema from disk.
// Output (standard output, JSON): [ { "path", "diagnostics": [ { "line", "character",
//   "message", "severity" } ], "hovers": [ "markdown text" | null ] } ].
// Nothing is fetched: the server is the one `npm ci` installed beside this file.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const server = path.join(here, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server')
const input = JSON.parse(readFileSync(0, 'utf8'))

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] })
let buffer = Buffer.alloc(0)
let nextId = 1
const pending = new Map()
const diagnostics = new Map()
const waiters = new Map()

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8')
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
  child.stdin.write(body)
}
function request(method, params) {
  const id = nextId++
  send({ id, method, params })
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }))
}
function notify(method, params) {
  send({ method, params })
}

child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk])
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n')
    if (end < 0) return
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1])
    if (buffer.length < end + 4 + length) return
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
    buffer = buffer.subarray(end + 4 + length)
    if (message.id !== undefined && message.method === undefined) {
      const p = pending.get(message.id)
      pending.delete(message.id)
      if (message.error) p.reject(new Error(JSON.stringify(message.error)))
      else p.resolve(message.result)
    } else if (message.id !== undefined) {
      // A request from the server (configuration, registration): answer it.
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => settings.yaml) : null
      send({ id: message.id, result })
    } else if (message.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(message.params.uri, message.params.diagnostics)
      const w = waiters.get(message.params.uri)
      if (w) {
        waiters.delete(message.params.uri)
        w()
      }
    }
  }
})

const settings = { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } } }
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))

async function main() {
  await Promise.race([
    request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} }, workspace: { configuration: true } },
    }),
    timeout(60000, 'initialize'),
  ])
  notify('initialized', {})
  notify('workspace/didChangeConfiguration', { settings })
  const out = []
  for (const f of input.files) {
    const uri = pathToFileURL(f.path).href
    const text = readFileSync(f.path, 'utf8')
    // The server publishes diagnostics after a short delay; the last set before the
    // document settles is the one kept (a second set follows once the schema is loaded).
    const settled = new Promise((resolve) => waiters.set(uri, resolve))
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } })
    await Promise.race([settled, timeout(60000, `diagnostics of ${f.path}`)])
    const hovers = []
    for (const h of f.hovers || []) {
      const r = await Promise.race([
        request('textDocument/hover', { textDocument: { uri }, position: { line: h.line, character: h.character } }),
        timeout(60000, `hover in ${f.path}`),
      ])
      hovers.push(r && r.contents ? (typeof r.contents === 'string' ? r.contents : r.contents.value) : null)
    }
    // Validation again, answered directly (the diagnostics of the document as it is now).
    const again = new Promise((resolve) => waiters.set(uri, resolve))
    notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] })
    await Promise.race([again, timeout(60000, `diagnostics of ${f.path}`)])
    const d = (diagnostics.get(uri) || []).map((x) => ({
      line: x.range.start.line,
      character: x.range.start.character,
      message: x.message,
      severity: x.severity,
    }))
    notify('textDocument/didClose', { textDocument: { uri } })
    out.push({ path: f.path, diagnostics: d, hovers })
  }
  await request('shutdown', null)
  notify('exit', null)
  child.stdin.end()
  // A pipe takes large output in pieces: exit only once all of it is written.
  await new Promise((resolve) => process.stdout.write(JSON.stringify(out), resolve))
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e.stack || e}\n`)
    child.kill()
    process.exit(1)
  },
)

// Serves a folder as static files on 127.0.0.1: `node serve.js DIR PORT`.
import path from 'node:path';
import { serve } from './lib/server.js';

const dir = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const server = await serve(dir, { port });
console.log(`roamplan is served at ${server.url}/ (Ctrl-C to stop)`);

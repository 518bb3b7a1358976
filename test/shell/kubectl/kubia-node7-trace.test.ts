// The book's kubia images are FROM node:7 (7.10.1): when the port is taken, the app dies with Node 7's
// unhandled 'error' trace, measured by running the book's app.js under node 7.10.1 with :8080 taken.
// (It printed a modern Node's "node:events:497" and "listen EADDRINUSE: address already in use".)
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const node7Trace = `Kubia server starting...
events.js:163
      throw er; // Unhandled 'error' event
      ^

Error: listen EADDRINUSE :::8080
    at Object.exports._errnoException (util.js:1050:11)
    at exports._exceptionWithHostPort (util.js:1073:20)
    at Server.setupListenHandle [as _listen2] (net.js:1259:14)
    at listenInCluster (net.js:1307:12)
    at Server.listen (net.js:1406:7)
    at Object.<anonymous> (/app.js:13:5)
    at Module._compile (module.js:571:32)
    at Object.Module._extensions..js (module.js:580:10)
    at Module.load (module.js:488:32)
    at tryModuleLoad (module.js:447:12)
`;

test('two kubia containers in one pod: the second dies with node 7\'s EADDRINUSE trace', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: clash\nspec:\n  containers:\n  - name: first\n    image: luksa/kubia\n  - name: second\n    image: luksa/kubia\nEOF');
	run(shell, 'sleep 40');
	assert.equal(run(shell, 'kubectl logs clash -c second').stdout, node7Trace);
});

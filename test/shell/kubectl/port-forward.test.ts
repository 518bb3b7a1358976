// kubectl port-forward: a local port that curl in the same shell reaches, until the process is killed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('port-forward svc/web 8080:80: curl localhost:8080 reaches a pod; kill ends the forward', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx');
	run(shell, 'kubectl expose deployment web --port=80');
	run(shell, 'sleep 30');
	assert.notEqual(run(shell, 'curl -s localhost:8080').exitCode, 0, 'nothing listens before');
	const forward = run(shell, 'kubectl port-forward svc/web 8080:80');
	assert.equal(forward.stdout, 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
	const pid = /kill (\d+)/.exec(forward.stderr)?.[1];
	assert.ok(pid, forward.stderr);
	assert.match(run(shell, 'curl -s localhost:8080').stdout, /Welcome to nginx!/);
	assert.match(run(shell, 'kubectl port-forward deploy/web 8080:80').stderr, /^Unable to listen on port 8080: .*address already in use/);
	run(shell, `kill ${pid}`);
	assert.notEqual(run(shell, 'curl -s localhost:8080').exitCode, 0, 'the forward ended with its process');
});

test('port-forward in the background prints the job line and no note; its errors are kubectl\'s', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx --port=80');
	run(shell, 'sleep 30');
	const bg = run(shell, 'kubectl port-forward pod/web 9090:80 &');
	assert.match(bg.stdout, /^\[1\] \d+\nForwarding from 127\.0\.0\.1:9090 -> 80\n/);
	assert.equal(bg.stderr, '');
	assert.match(run(shell, 'curl -s 127.0.0.1:9090').stdout, /Welcome to nginx!/);
	assert.equal(run(shell, 'kubectl port-forward pod/nope 80').stderr, 'Error from server (NotFound): pods "nope" not found\n');
	assert.equal(run(shell, 'kubectl port-forward pod/web').stderr, "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
	run(shell, 'kubectl run slow --image=nginx');
	assert.equal(run(shell, 'kubectl port-forward slow 8081:80').stderr, 'error: unable to forward port because pod is not running. Current status=Pending\n');
});

test('each connection through the forward shows kubectl\'s "Handling connection for PORT" on the terminal, before curl\'s output and never into its pipe', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx --port=80');
	run(shell, 'sleep 30');
	run(shell, 'kubectl port-forward pod/web 9090:80 &');
	const curl = run(shell, 'curl -s localhost:9090');
	assert.match(curl.text, /^Handling connection for 9090\n<!DOCTYPE html>/);
	assert.doesNotMatch(curl.stdout, /Handling connection/);
	const piped = run(shell, 'curl -s localhost:9090 | grep -c Handling');
	assert.equal(piped.stdout, '0\n');
	assert.equal(piped.stderr, 'Handling connection for 9090\n');
	assert.doesNotMatch(run(shell, 'curl -s web-not-forwarded.invalid; curl -s 127.0.0.1:80').text, /Handling connection/);
});

test('wget through the forward shows the same "Handling connection" line on the terminal', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx --port=80');
	run(shell, 'sleep 30');
	run(shell, 'kubectl port-forward pod/web 9191:80 &');
	const fetched = run(shell, 'wget -qO- localhost:9191');
	assert.match(fetched.text, /^Handling connection for 9191\n<!DOCTYPE html>/);
	assert.doesNotMatch(fetched.stdout, /Handling connection/);
});

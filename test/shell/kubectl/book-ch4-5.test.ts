// Manifests in the shape of the book's chapter 4-5 ones (our own fixtures): accepted by the API
// server and behaving as the book describes.
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {realDisk} from '../../../source/node/real-disk.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function bookShell() {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(fileURLToPath(new URL('../../fixtures/book-ch4-5/', import.meta.url)))};
	return shell;
}

test('a Service without a selector gets its endpoints from a user-made Endpoints object', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f external-service.yaml').stdout, 'service/external-service created\n');
	assert.equal(run(shell, 'kubectl apply -f external-service-endpoints.yaml').stdout, 'endpoints/external-service created\n');
	run(shell, 'sleep 5');
	assert.match(run(shell, 'kubectl get ep external-service').stdout, /\nexternal-service {3}11\.11\.11\.11:80,22\.22\.22\.22:80 {3}5s\n$/);
	assert.match(run(shell, 'kubectl describe svc external-service').stdout, /\nEndpoints: +11\.11\.11\.11:80,22\.22\.22\.22:80\n/);
});

test('an ExternalName Service has no cluster IP; kubectl shows the external name', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f external-service-externalname.yaml').stdout, 'service/external-service-name created\n');
	assert.equal(run(shell, 'kubectl get svc external-service-name').stdout, 'NAME                    TYPE           CLUSTER-IP   EXTERNAL-IP           PORT(S)   AGE\nexternal-service-name   ExternalName   <none>       api.somecompany.com   80/TCP    0s\n');
	const described = run(shell, 'kubectl describe svc external-service-name').stdout;
	assert.match(described, /\nType: {14}ExternalName\nIP Families: {7}<none>\nIP: *\nIPs: {15}<none>\nExternal Name: {5}api\.somecompany\.com\n/);
	assert.equal(run(shell, 'kubectl get svc external-service-name -o jsonpath={.spec.clusterIP}').stdout, '');
});

// [simulator] remarks in both languages for a learner reading in Chinese (issue 16): the English
// line as it is, then its Chinese; the tools' own output stays in their words.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {simulatorLineInChinese, withSimulatorLines} from '../../source/i18n/simulator-lines.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

function chineseShell() {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, locale: 'zh-CN'};
	return shell;
}

test('in zh-CN each [simulator] remark is followed by its Chinese; in English nothing changes', () => {
	const zh = chineseShell();
	const attach = run(zh, 'kubectl attach x');
	assert.equal(attach.stderr, '[simulator] kubectl attach is a real kubectl feature that is not simulated in this version\n[模拟器] kubectl attach 是真实 kubectl 的功能，本版本的模拟器没有模拟它\n');
	// (Leases are modelled now; RuntimeClasses are still a real type the simulation lacks.)
	assert.match(run(zh, 'kubectl get runtimeclasses').stderr, /\n\[模拟器\] runtimeclasses\.node\.k8s\.io（kind RuntimeClass，node\.k8s\.io\/v1）是真实的 Kubernetes 资源类型/);
	assert.equal(run(zh, 'kubectl get pods --frobnicate').stderr, "error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.\n", 'kubectl speaks English');
	const en = sandboxShell();
	assert.equal(run(en, 'kubectl attach x').stderr, '[simulator] kubectl attach is a real kubectl feature that is not simulated in this version\n');
});

test('the remarks learners meet most have their Chinese', () => {
	const zh = chineseShell();
	for (const line of ['kubectl run w --image=nginx', 'sleep 30', 'kubectl port-forward w 8080:80', 'kubectl get runtimeclasses', 'top', 'python3', 'reboot -r', 'kubectl attach x', 'seq 1 100000000']) {
		const text = run(zh, line).text;
		for (const remark of text.split('\n').filter(l => l.includes('[simulator] '))) assert.ok(simulatorLineInChinese(remark), `${line}: ${remark}`);
	}
	assert.equal(withSimulatorLines('plain\n', 'zh-CN'), 'plain\n');
	assert.equal(withSimulatorLines('[simulator] something new\n', 'zh-CN'), '[simulator] something new\n', 'an untranslated remark stays as it is');
});

test('the network, docker system df and help remarks of issue 15 have their Chinese', () => {
	for (const remark of ['[simulator] nc connected to 10.0.0.1 port 80; sending and receiving through it is not simulated here (nc -zv only checks the port)', '[simulator] nc -l is not simulated here; nc -zv HOST PORT checks whether a TCP port answers', '[simulator] only nc [-z] [-v] HOST PORT (one port) is simulated here', "[simulator] RBAC lets system:serviceaccount:default:default list /api/v1/namespaces/default/pods; the API server's JSON answer to curl is not simulated here (kubectl shows the same objects)", '[simulator] redis could not listen on :6379 (EADDRINUSE); its own message is not simulated here', "[simulator] etcd's Prometheus metrics is not simulated here", "[simulator] kube-proxy's /metrics is not simulated here", '[simulator] docker system df -v with a --format template is not simulated here; --format json is', '[simulator] help -m (the pseudo-manpage format) is not simulated here', "[simulator] help with a glob pattern ('j*') is not simulated here; give the start of a builtin's name", "[simulator] bash's help text for 'exec' is not included here; see man bash"]) {
		assert.ok(simulatorLineInChinese(remark), remark);
	}
	const zh = chineseShell();
	assert.match(run(zh, 'help -s ex').stderr, /\n\[模拟器\] 这里没有收录 bash 对 'exec' 的帮助文本/);
});

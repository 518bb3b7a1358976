// batch/v1 Jobs and CronJobs: manifests in the shape of the book's chapter 4 ones, run in simulated
// time, printed with the columns of kubectl 1.32 (STATUS, COMPLETIONS, DURATION; SCHEDULE, TIMEZONE...).
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

test('a Job runs its pod to completion; the pod is kept, Completed', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f batch-job.yaml').stdout, 'job.batch/batch-job created\n');
	run(shell, 'sleep 5');
	assert.equal(run(shell, 'kubectl get jobs').stdout, 'NAME        STATUS    COMPLETIONS   DURATION   AGE\nbatch-job   Running   0/1           4s         5s\n');
	assert.match(run(shell, 'kubectl get pods').stdout, /^NAME {14}READY {3}STATUS {4}RESTARTS {3}AGE\nbatch-job-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}4s\n$/);
	run(shell, 'sleep 120');
	assert.equal(run(shell, 'kubectl get jobs').stdout, 'NAME        STATUS     COMPLETIONS   DURATION   AGE\nbatch-job   Complete   1/1           2m4s       2m5s\n');
	assert.match(run(shell, 'kubectl get pods').stdout, /\nbatch-job-[a-z0-9]{5} {3}0\/1 {5}Completed {3}0 {10}2m4s\n$/);
	const described = run(shell, 'kubectl describe job batch-job').stdout;
	assert.match(described, /^Name: {13}batch-job\nNamespace: {8}default\nSelector: {9}batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\nLabels: {11}app=batch-job\n {18}batch\.kubernetes\.io\/controller-uid=/);
	assert.match(described, /\nParallelism: {6}1\nCompletions: {6}1\nCompletion Mode: {2}NonIndexed\nSuspend: {10}false\nBackoff Limit: {4}6\nStart Time: {7}Mon, 05 Jan 2026 09:01:01 \+0000\nCompleted At: {5}Mon, 05 Jan 2026 09:03:05 \+0000\nDuration: {9}2m4s\nPods Statuses: {4}0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed\n/);
	assert.match(described, /Normal {2}SuccessfulCreate {2}2m4s {2}job-controller {2}Created pod: batch-job-[a-z0-9]{5}\n {2}Normal {2}Completed {9}0s {4}job-controller {2}Job completed\n$/);
	const yaml = run(shell, 'kubectl get job batch-job -o yaml').stdout;
	assert.match(yaml, /\n {2}conditions:\n {2}- lastProbeTime: "2026-01-05T09:03:05Z"\n {4}lastTransitionTime: "2026-01-05T09:03:05Z"\n {4}message: Reached expected number of succeeded pods\n {4}reason: CompletionsReached\n {4}status: "True"\n {4}type: SuccessCriteriaMet\n/);
	assert.match(yaml, /\n {2}backoffLimit: 6\n {2}completionMode: NonIndexed\n {2}completions: 1\n {2}manualSelector: false|\n {2}backoffLimit: 6\n {2}completionMode: NonIndexed\n {2}completions: 1\n {2}parallelism: 1\n/);
	assert.match(run(shell, 'kubectl get events').stdout, /Normal {3}Completed {10}job\/batch-job {9}Job completed\n/);
});

test('completions run one after another; parallelism runs them two at a time', () => {
	const shell = bookShell();
	run(shell, 'kubectl apply -f multi-completion-batch-job.yaml');
	run(shell, 'kubectl apply -f multi-completion-parallel-batch-job.yaml');
	run(shell, 'sleep 10');
	const running = (name: string) => (run(shell, 'kubectl get pods').stdout.match(new RegExp(`\\n${name}-[a-z0-9]{5} +1/1 +Running`, 'g')) ?? []).length;
	assert.equal(running('multi-completion-batch-job'), 1);
	assert.equal(running('multi-completion-parallel-batch-job'), 2);
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get jobs').stdout, /\nmulti-completion-batch-job {12}Running {3}2\/5 /);
	assert.match(run(shell, 'kubectl get jobs').stdout, /\nmulti-completion-parallel-batch-job {3}Running {3}4\/5 /);
	run(shell, 'sleep 120');
	const jobs = run(shell, 'kubectl get jobs').stdout;
	assert.match(jobs, /\nmulti-completion-batch-job {12}Complete {3}5\/5 /);
	assert.match(jobs, /\nmulti-completion-parallel-batch-job {3}Complete {3}5\/5 /);
	assert.equal((run(shell, 'kubectl get pods').stdout.match(/Completed/g) ?? []).length, 10);
});

test('a time-limited Job fails at activeDeadlineSeconds: DeadlineExceeded, its pod deleted', () => {
	const shell = bookShell();
	run(shell, 'kubectl apply -f time-limited-batch-job.yaml');
	run(shell, 'sleep 40');
	assert.match(run(shell, 'kubectl get job time-limited-batch-job').stdout, /\ntime-limited-batch-job {3}Failed {3}0\/1 {11}\d+s {8}40s\n$/);
	const described = run(shell, 'kubectl describe job time-limited-batch-job').stdout;
	assert.match(described, /\nActive Deadline Seconds: {2}30s\n[\s\S]*\nPods Statuses: {12}0 Active \(0 Ready\) \/ 0 Succeeded \/ 1 Failed\n/);
	assert.match(described, /Normal {3}SuccessfulDelete {2}\S+ +job-controller {2}Deleted pod: time-limited-batch-job-[a-z0-9]{5}\n {2}Warning {2}DeadlineExceeded {2}\S+ +job-controller {2}Job was active longer than specified deadline\n$/);
	// The deleted pod's shell ignores SIGTERM as PID 1, so it is Terminating for the grace period.
	assert.match(run(shell, 'kubectl get pods').stdout, /\ntime-limited-batch-job-[a-z0-9]{5} {3}1\/1 {5}Terminating /);
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});

test('a failing Job is retried with back-off up to backoffLimit, then BackoffLimitExceeded', () => {
	const shell = sandboxShell({
		files: {'fail.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fail\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n        command: ["sh", "-c", "exit 1"]\n'},
	});
	run(shell, 'kubectl apply -f fail.yaml');
	run(shell, 'sleep 8');
	assert.match(run(shell, 'kubectl get pods').stdout, /\nfail-[a-z0-9]{5} {3}0\/1 {5}Error {4}0 /);
	run(shell, 'sleep 60');
	assert.equal((run(shell, 'kubectl get pods').stdout.match(/Error/g) ?? []).length, 3);
	assert.match(run(shell, 'kubectl get job fail').stdout, /\nfail {3}Failed {3}0\/1 /);
	assert.match(run(shell, 'kubectl describe job fail').stdout, /Pods Statuses: {4}0 Active \(0 Ready\) \/ 0 Succeeded \/ 3 Failed\n[\s\S]*Warning {2}BackoffLimitExceeded {2}\S+ +job-controller {2}Job has reached the specified backoff limit\n$/);
});

test('the API server refuses a Job whose pods would restart Always, in its words', () => {
	const shell = sandboxShell({files: {'always.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: always\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        image: busybox\n'}});
	assert.equal(run(shell, 'kubectl apply -f always.yaml').stderr, 'The Job "always" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n');
});

test('a CronJob creates a Job at each scheduled minute of the virtual clock and keeps 3 successful ones', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f cronjob.yaml').stdout, 'cronjob.batch/batch-job-every-fifteen-minutes created\n');
	assert.equal(run(shell, 'kubectl get cj').stdout, 'NAME                              SCHEDULE             TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nbatch-job-every-fifteen-minutes   0,15,30,45 * * * *   <none>     False     0        <none>          0s\n');
	run(shell, 'sleep 900');
	assert.equal(run(shell, 'kubectl get cj').stdout, 'NAME                              SCHEDULE             TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nbatch-job-every-fifteen-minutes   0,15,30,45 * * * *   <none>     False     1        60s             15m\n');
	// The Job's name ends with the scheduled minute since the Unix epoch, as the controller names it.
	assert.equal(run(shell, 'kubectl get jobs -o name').stdout, 'job.batch/batch-job-every-fifteen-minutes-29460075\n');
	run(shell, 'sleep 3000');
	assert.equal(run(shell, 'kubectl get jobs -o name').stdout, 'job.batch/batch-job-every-fifteen-minutes-29460090\njob.batch/batch-job-every-fifteen-minutes-29460105\njob.batch/batch-job-every-fifteen-minutes-29460120\n');
	const described = run(shell, 'kubectl describe cj batch-job-every-fifteen-minutes').stdout;
	assert.match(described, /\nSchedule: {22}0,15,30,45 \* \* \* \*\nConcurrency Policy: {12}Allow\nSuspend: {23}False\nSuccessful Job History Limit: {2}3\nFailed Job History Limit: {6}1\n/);
	assert.match(described, /\nLast Schedule Time: {2}Mon, 05 Jan 2026 10:00:00 \+0000\nActive Jobs: {9}<none>\n/);
	assert.match(described, /Normal {2}SuccessfulDelete {2}\S+ +cronjob-controller {2}Deleted job batch-job-every-fifteen-minutes-29460075\n$/);
});

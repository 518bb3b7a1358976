// What the endpoint tells the learner, in each locale.
import type {Locale} from '../i18n/locale.ts';

type ApiText = {
	serving(url: string, kubeconfig: string): string;
	/** The status bar's short form. */
	notice(url: string): string;
	wideBind(bind: string): string;
	portBusy(port: number): string;
};

const en: ApiText = {
	serving: (url, kubeconfig) => `Kubernetes API of the simulated cluster on ${url}. In another terminal: export KUBECONFIG=${kubeconfig}`,
	notice: url => `kubectl API ${url}`,
	wideBind: bind => `warning: the Kubernetes API listens on ${bind}, not only on this machine: anyone who can reach it and has the token can change your simulated cluster. Its certificate names only 127.0.0.1 and localhost.`,
	portBusy: port => `port ${port} is in use: choose another with --api=PORT (0 picks a free one)`,
};

const zh: ApiText = {
	serving: (url, kubeconfig) => `模拟集群的 Kubernetes API 在 ${url}。在另一个终端中执行：export KUBECONFIG=${kubeconfig}`,
	notice: url => `kubectl API ${url}`,
	wideBind: bind => `警告：Kubernetes API 监听在 ${bind}，不只是本机：任何能访问它并持有令牌的人都能修改你的模拟集群。它的证书只包含 127.0.0.1 和 localhost。`,
	portBusy: port => `端口 ${port} 已被占用：用 --api=PORT 选择另一个（0 表示任选一个空闲端口）`,
};

export function apiText(locale: Locale): ApiText {
	return locale === 'zh-CN' ? zh : en;
}

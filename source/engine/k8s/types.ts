// The simulated Kubernetes cluster. Owned by the Kubernetes engine; the world holds one or none.
export type Cluster = {
	name: string;
	controlPlane: string; // host name of the control-plane node
	nodes: string[]; // host names of every node, control plane first
};

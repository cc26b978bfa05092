/**
 * Input limits shared by every adapter, as in the upstream service
 * (reference: upstream-service.md §1.4, upstream-algorithms.md §1).
 */
export const LIMITS = {
  /** `DAGStructure.nodes` at most. */
  dagNodes: 50,
  /** `DAGStructure.edges` at most. */
  dagEdges: 200,
  /** Node names, treatment and outcome names: characters at most. */
  nameLength: 100,
  /** `observed` and `latent` lists at most. */
  nodeList: 50,
  /** Generic map size (interventions, attributes, bounds…). */
  dictSize: 100,
  /** `StructuralModel.variables` at most. */
  modelVariables: 50,
  /** `StructuralModel.equations` entries at most. */
  modelEquations: 100,
  /** One equation: characters at most. */
  equationLength: 1000,
  /** `GraphV1`: nodes and edges at most. */
  graphV1Nodes: 100,
  graphV1Edges: 300,
  /** `GraphV2`: nodes and edges at most. */
  graphV2Nodes: 100,
  graphV2Edges: 300,
  /** Request body size in bytes. */
  bodyBytes: 10 * 1024 * 1024,
} as const;

/** Identifier rule of upstream `DAGStructure` nodes and model variables. */
export const IDENTIFIER_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Node-id rule of upstream `GraphV2` (lower case). */
export const GRAPH_V2_ID_PATTERN = /^[a-z0-9_:-]+$/;

import { contractsMarker } from "@olumi/contracts";
export const coreMarker = contractsMarker;

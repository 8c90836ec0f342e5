package org.evidencegateway.audit.format;

/**
 * Hashes of complete subtrees of a log: node ({@code level}, {@code index}) covers leaves
 * [index·2^level, (index+1)·2^level); level 0 is the leaf hashes. Callers only ask for nodes that are complete in
 * the tree they build proofs for; an implementation may fail for any other.
 */
@FunctionalInterface
public interface NodeSource {
    byte[] node(int level, long index);
}

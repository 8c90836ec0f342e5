package org.evidencegateway.cli;

/** Entry point of the {@code evgw} command line. */
public final class EvgwCommand {
    public static void main(String[] args) {
        System.out.println("evgw");
    }
}

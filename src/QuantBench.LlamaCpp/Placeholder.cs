namespace QuantBench.LlamaCpp; internal static class Placeholder {}

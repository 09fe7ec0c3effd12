namespace QuantBench; internal static class Placeholder {}

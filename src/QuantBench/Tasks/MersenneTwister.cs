namespace QuantBench.Tasks;

/// <summary>
/// MT19937, the 32-bit Mersenne Twister of C++'s <c>std::mt19937</c>: llama-perplexity picks its tasks with it
/// (seed 1), so the same sequence gives the same tasks in the same order.
/// </summary>
internal sealed class MersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] state = new uint[N];
    private int index;

    public MersenneTwister(uint seed)
    {
        state[0] = seed;
        for (int i = 1; i < N; i++)
        {
            state[i] = unchecked((1812433253u * (state[i - 1] ^ (state[i - 1] >> 30))) + (uint)i);
        }

        index = N;
    }

    public uint Next()
    {
        if (index >= N)
        {
            Twist();
        }

        uint y = state[index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (state[i] & 0x80000000u) | (state[(i + 1) % N] & 0x7fffffffu);
            uint next = state[(i + M) % N] ^ (y >> 1);
            state[i] = (y & 1) != 0 ? next ^ 0x9908b0dfu : next;
        }

        index = 0;
    }
}

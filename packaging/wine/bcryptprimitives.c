/*
 * A test-only bcryptprimitives.dll for Wine 8, which lacks it: Go's
 * Windows runtime (Go 1.22 and later) reads its random numbers from
 * ProcessPrng in bcryptprimitives.dll. make dist-check builds this with
 * MinGW into the private Wine prefix's system32. It is never shipped:
 * Windows 10 and later have the real one.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

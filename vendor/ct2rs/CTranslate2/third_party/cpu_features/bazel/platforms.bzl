"""Defines global variables that lists target cpus"""

PLATFORM_CPU_X86_64 = ("@platforms//cpu:x86_64")

PLATFORM_CPU_ARM = ("@platforms//cpu:arm")

PLATFORM_CPU_ARM64 = ("@platforms//cpu:arm64")

PLATFORM_CPU_MIPS = ("@platforms//cpu:mips64")

PLATFORM_CPU_PPC = ("@platforms//cpu:ppc")

namespace QuantBench.Memory;

/// <summary>The NVML return codes QuantBench tells apart (values as in nvml.h); others keep their number.</summary>
public enum NvmlResult
{
    /// <summary>NVML_SUCCESS.</summary>
    Success = 0,
    /// <summary>NVML_ERROR_UNINITIALIZED.</summary>
    Uninitialized = 1,
    /// <summary>NVML_ERROR_INVALID_ARGUMENT.</summary>
    InvalidArgument = 2,
    /// <summary>NVML_ERROR_NOT_SUPPORTED.</summary>
    NotSupported = 3,
    /// <summary>NVML_ERROR_NO_PERMISSION.</summary>
    NoPermission = 4,
    /// <summary>NVML_ERROR_NOT_FOUND.</summary>
    NotFound = 6,
    /// <summary>NVML_ERROR_INSUFFICIENT_SIZE: the process buffer was too small; the count says how many are needed.</summary>
    InsufficientSize = 7,
    /// <summary>NVML_ERROR_DRIVER_NOT_LOADED.</summary>
    DriverNotLoaded = 9,
    /// <summary>NVML_ERROR_LIBRARY_NOT_FOUND.</summary>
    LibraryNotFound = 12,
    /// <summary>NVML_ERROR_FUNCTION_NOT_FOUND: the driver's NVML is older than the entry point.</summary>
    FunctionNotFound = 13,
    /// <summary>NVML_ERROR_GPU_IS_LOST.</summary>
    GpuIsLost = 15,
    /// <summary>NVML_ERROR_UNKNOWN.</summary>
    Unknown = 999,
}

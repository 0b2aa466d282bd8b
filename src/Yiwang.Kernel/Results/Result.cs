namespace Yiwang.Kernel.Results;

/// <summary>The outcome of an operation that may be refused with an <see cref="Error"/>.</summary>
public readonly record struct Result
{
    private Result(Error? error) => Error = error;

    /// <summary>The refusal, or <see langword="null"/> on success.</summary>
    public Error? Error { get; }

    /// <summary>Whether the operation was refused.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>A successful outcome.</summary>
    public static Result Success => new(null);

    /// <summary>Lets an <see cref="Results.Error"/> be returned where a <see cref="Result"/> is expected.</summary>
    public static implicit operator Result(Error error) => new(error);
}

/// <summary>The outcome of an operation that yields a value or is refused with an <see cref="Error"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; meaningful only when <see cref="IsFailure"/> is false.</summary>
    public T? Value { get; }

    /// <summary>The refusal, or <see langword="null"/> on success.</summary>
    public Error? Error { get; }

    /// <summary>Whether the operation was refused.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>Wraps a value as success.</summary>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>Wraps an error as failure.</summary>
    public static implicit operator Result<T>(Error error) => new(default, error);
}

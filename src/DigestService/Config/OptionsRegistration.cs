using Microsoft.Extensions.Options;

namespace DigestService.Config;

public static class OptionsRegistration
{
    /// <summary>Binds a section and validates it when the host starts, so a bad key fails the start, not the 7 a.m. send.</summary>
    public static IServiceCollection AddSection<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ISelfValidatingOptions =>
        services.AddValidatedOptions<T>(configuration.GetSection(section));

    /// <summary>The same for options bound from <paramref name="source"/> itself, such as the root for a top-level list.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, IConfiguration source)
        where T : class, ISelfValidatingOptions
    {
        services.AddOptions<T>().Bind(source).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, SelfValidation<T>>();
        return services;
    }

    private sealed class SelfValidation<T> : IValidateOptions<T> where T : class, ISelfValidatingOptions
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}

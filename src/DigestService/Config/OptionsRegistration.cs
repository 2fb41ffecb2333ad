using Microsoft.Extensions.Options;

namespace DigestService.Config;

public static class OptionsRegistration
{
    /// <summary>Binds a section and validates it when the host starts, so a bad key fails the start, not the 7 a.m. send.</summary>
    public static IServiceCollection AddSection<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ISelfValidatingOptions =>
        services.AddValidated<T>(configuration.GetSection(section));

    /// <summary>Binds <typeparamref name="T"/> from <paramref name="configuration"/> as given: the root, for options whose section is a list (Topics).</summary>
    public static IServiceCollection AddValidated<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class, ISelfValidatingOptions
    {
        services.AddOptions<T>().Bind(configuration).ValidateOnStart();
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

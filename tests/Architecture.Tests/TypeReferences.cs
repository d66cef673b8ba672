using System.Reflection;
using System.Reflection.Emit;

namespace Blocktrack.Architecture.Tests;

/// <summary>
/// Every type a type mentions: in its signatures (base type, interfaces, fields, properties, methods, attributes) and in
/// its method bodies (calls, field accesses, allocations, casts, tokens), read from the IL. Compiler-generated nested
/// types (lambdas, iterators, async state machines) count as part of the type that owns them.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        foreach (var t in WithNested(type)) Collect(t, found);
        return found;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(Everything).SelectMany(WithNested));

    private static void Collect(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var i in type.GetInterfaces()) Add(i, found);
        foreach (var a in type.GetCustomAttributesData()) Add(a.AttributeType, found);
        foreach (var f in type.GetFields(Everything))
        {
            Add(f.FieldType, found);
            foreach (var a in f.GetCustomAttributesData()) Add(a.AttributeType, found);
        }
        foreach (var p in type.GetProperties(Everything))
        {
            Add(p.PropertyType, found);
            foreach (var a in p.GetCustomAttributesData()) Add(a.AttributeType, found);
        }
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo info) Add(info.ReturnType, found);
            foreach (var p in m.GetParameters()) Add(p.ParameterType, found);
            foreach (var a in m.GetCustomAttributesData()) Add(a.AttributeType, found);
            Body(m, found);
        }
    }

    private static void Body(MethodBase method, HashSet<Type> found)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                switch (module.ResolveMember(token, typeArgs, methodArgs))
                {
                    case Type t: Add(t, found); break;
                    case FieldInfo f: Add(f.DeclaringType, found); Add(f.FieldType, found); break;
                    case MethodInfo m:
                        Add(m.DeclaringType, found);
                        Add(m.ReturnType, found);
                        foreach (var p in m.GetParameters()) Add(p.ParameterType, found);
                        break;
                    case ConstructorInfo c: Add(c.DeclaringType, found); break;
                }
            }
            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null) return;
        if (type.HasElementType)
        {
            Add(type.GetElementType(), found);
            return;
        }
        if (type.IsGenericParameter || !found.Add(type)) return;
        if (type.IsGenericType)
        {
            found.Add(type.GetGenericTypeDefinition());
            foreach (var arg in type.GetGenericArguments()) Add(arg, found);
        }
    }
}

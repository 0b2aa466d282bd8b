namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>A citizen message (留言) with its subject, its text and, for training and evaluation, its category (一级分类).</summary>
internal sealed record LabelledMessage(string Title, string Text, string Label);
